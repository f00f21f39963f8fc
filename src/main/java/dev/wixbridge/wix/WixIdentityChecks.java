package dev.wixbridge.wix;

import static dev.wixbridge.platform.JsonValues.JSON;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.ws.rs.ProcessingException;

import dev.wixbridge.identity.control.IdentityCheck;
import dev.wixbridge.identity.control.WixIdentities;
import dev.wixbridge.platform.security.SecureTokens;

/**
 * The identities Wix gives dashboard pages. A signed {@code instance} is
 * {@code base64url(HMAC-SHA256(data, app secret)).data}, where {@code data} is base64url JSON and
 * the HMAC is over {@code data} as sent; an access token is asked about at {@code /oauth2/token-info}.
 */
@ApplicationScoped
public class WixIdentityChecks implements WixIdentities {

    /** How far ahead of our clock a {@code signDate} may be. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** How long a "no" about a token is remembered. */
    static final Duration REFUSAL_MEMORY = Duration.ofSeconds(60);

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+={0,2}");

    @Inject
    WixSettings settings;

    @Inject
    WixClients clients;

    @Inject
    Clock clock;

    @Override
    public IdentityCheck instance(String signedInstance, Duration maxAge) {
        int dot = signedInstance == null ? -1 : signedInstance.indexOf('.');
        if (dot <= 0 || dot != signedInstance.lastIndexOf('.') || signedInstance.length() > 16_384) {
            return new IdentityCheck.Malformed("instance must be <signature>.<data>");
        }
        String signature = signedInstance.substring(0, dot);
        String data = signedInstance.substring(dot + 1);
        if (!BASE64URL.matcher(signature).matches() || !BASE64URL.matcher(data).matches()) {
            return new IdentityCheck.Malformed("instance must be base64url");
        }
        JsonObject decoded;
        try (JsonReader reader = JSON.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(data), StandardCharsets.UTF_8)))) {
            decoded = reader.readObject();
        } catch (IllegalArgumentException | JsonException | IllegalStateException e) {
            return new IdentityCheck.Malformed("the data of instance is not base64url JSON");
        }
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(
                SecureTokens.hmacSha256(settings.appSecret().getBytes(StandardCharsets.UTF_8), data));
        String presented = signature.replace("=", "");
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII))) {
            return new IdentityCheck.Invalid("the signature of instance does not match");
        }
        Optional<Instant> signed = decoded.get("signDate") instanceof JsonString date ? WixWebhooks.instant(date.getString())
                : Optional.empty();
        Instant now = clock.instant();
        if (signed.isEmpty() || signed.get().isBefore(now.minus(maxAge)) || signed.get().isAfter(now.plus(CLOCK_SKEW))) {
            return new IdentityCheck.Invalid("the signDate of instance is missing, stale or in the future");
        }
        return new IdentityCheck.Verified(decoded);
    }

    @Override
    public TokenIdentity accessToken(String token) {
        Instant now = clock.instant();
        TokenInfo.Response info;
        try {
            info = clients.oauth().tokenInfo(new TokenInfo.Request(token));
        } catch (WixCallFailed | ProcessingException e) {
            WixFailure failure = WixFailure.of(e);
            return new TokenIdentity(switch (failure.kind()) {
                case UNAUTHORIZED, FORBIDDEN, REFUSED -> new IdentityCheck.Invalid("Wix does not know the token");
                case RATE_LIMITED, DOWN, TIMEOUT, MALFORMED -> new IdentityCheck.Unavailable(failure.retryAfter());
            }, now.plus(REFUSAL_MEMORY));
        }
        if (info == null || !Boolean.TRUE.equals(info.active())) {
            return new TokenIdentity(new IdentityCheck.Invalid("the token is not active"), now.plus(REFUSAL_MEMORY));
        }
        if (!settings.appId().equals(info.clientId())) {
            return new TokenIdentity(new IdentityCheck.Invalid("the token was issued to another app"), now.plus(REFUSAL_MEMORY));
        }
        Instant expiresAt = info.exp() == null ? now.plus(REFUSAL_MEMORY) : Instant.ofEpochSecond(info.exp());
        JsonObjectBuilder identity = JSON.createObjectBuilder();
        add(identity, "instanceId", info.instanceId());
        add(identity, "siteId", info.siteId());
        add(identity, "subjectType", info.subjectType());
        add(identity, "subjectId", info.subjectId());
        identity.add("expiresAt", expiresAt.toString());
        return new TokenIdentity(new IdentityCheck.Verified(identity.build()), expiresAt);
    }

    private static void add(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
