package dev.wixbridge.wix;

import static dev.wixbridge.platform.JsonValues.JSON;

import java.io.StringReader;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;

import dev.wixbridge.event.control.ReceivedEvent;
import dev.wixbridge.event.control.WebhookVerifier;
import dev.wixbridge.installation.entity.InstanceIds;
import dev.wixbridge.platform.security.SecureTokens;

/**
 * Wix's webhooks, read as Wix's own SDK reads them: a JWT signed by Wix with RS256 under the
 * app's public key; its claim {@code data} a JSON string holding {@code eventType},
 * {@code instanceId}, {@code data} (the payload, itself a JSON string) and {@code identity}
 * (optional, a JSON string). Only RS256 is accepted: {@code none}, {@code HS256} (which a
 * forger could sign with the public key as secret) and every other algorithm are refused.
 * No reason given for a refusal quotes the body.
 */
@ApplicationScoped
public class WixWebhooks implements WebhookVerifier {

    /** How far ahead of our clock a JWT's {@code iat} may be (clocks differ a little). */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    @Inject
    WixSettings settings;

    @Inject
    Clock clock;

    @Override
    public Verification verify(String body) {
        Optional<RSAPublicKey> key = settings.webhookPublicKey();
        if (key.isEmpty()) {
            return new Verification.NotConfigured();
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(body.strip());
        } catch (ParseException e) {
            return new Verification.Malformed("the body is not a JWT");
        }
        if (!(jwt instanceof SignedJWT signed) || !JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
            return new Verification.Forged("not signed with RS256");
        }
        try {
            if (!signed.verify(new RSASSAVerifier(key.get()))) {
                return new Verification.Forged("the signature does not verify under " + WixSettings.WEBHOOK_PUBLIC_KEY);
            }
        } catch (JOSEException | IllegalStateException e) {
            return new Verification.Forged("the signature does not verify under " + WixSettings.WEBHOOK_PUBLIC_KEY);
        }
        JWTClaimsSet claims;
        try {
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            return new Verification.Malformed("the JWT's claims are not JSON");
        }
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        if (expires != null && !now.isBefore(expires.toInstant())) {
            return new Verification.Forged("expired");
        }
        Date issued = claims.getIssueTime();
        if (issued != null && issued.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            return new Verification.Forged("issued in the future");
        }
        return decode(claims.getClaim("data"), body, Optional.ofNullable(issued).map(Date::toInstant).orElse(now));
    }

    private static Verification decode(Object claim, String body, Instant issuedAt) {
        if (!(claim instanceof String data)) {
            return new Verification.Malformed("the claim 'data' is not a JSON string");
        }
        JsonObject envelope;
        try {
            envelope = object(data);
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            return new Verification.Malformed("the claim 'data' is not a JSON object");
        }
        Optional<String> type = string(envelope, "eventType").filter(value -> !value.isBlank() && value.length() <= 128);
        Optional<String> payloadJson = string(envelope, "data");
        Optional<String> instance = string(envelope, "instanceId");
        if (type.isEmpty() || payloadJson.isEmpty()) {
            return new Verification.Malformed("'data' lacks eventType or data");
        }
        Optional<String> instanceId = instance.flatMap(InstanceIds::parse);
        if (instance.isPresent() && instanceId.isEmpty()) {
            return new Verification.Malformed("instanceId is not a Wix instance id");
        }
        JsonStructure payload;
        Optional<String> identity;
        try {
            payload = structure(payloadJson.get());
            identity = string(envelope, "identity").map(json -> structure(json).toString());
        } catch (JsonException | IllegalStateException e) {
            return new Verification.Malformed("the payload or the identity is not JSON");
        }
        Optional<JsonObject> fields = payload.getValueType() == JsonValue.ValueType.OBJECT
                ? Optional.of(payload.asJsonObject()) : Optional.empty();
        // Wix's standard payloads carry an event id for deduplication; the rest are known by their bytes.
        String id = fields.flatMap(json -> string(json, "id")).filter(value -> value.length() <= 100)
                .map(value -> "wix:" + value).orElseGet(() -> "sha256:" + SecureTokens.fingerprint(body.strip()));
        Instant happenedAt = fields.flatMap(json -> string(json, "eventTime")).flatMap(WixWebhooks::instant).orElse(issuedAt);
        return new Verification.Verified(new ReceivedEvent(id, type.get(), instanceId, happenedAt, payload.toString(), identity));
    }

    /** An ISO-8601 instant as Wix writes them ({@code eventTime}, {@code signDate}); empty when it is not one. */
    static Optional<Instant> instant(String value) {
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> string(JsonObject json, String name) {
        return json.get(name) instanceof JsonString value ? Optional.of(value.getString()) : Optional.empty();
    }

    private static JsonObject object(String json) {
        return structure(json).asJsonObject();
    }

    private static JsonStructure structure(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.read();
        }
    }
}
