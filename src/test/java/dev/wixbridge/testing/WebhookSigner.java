package dev.wixbridge.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs webhooks as Wix does (RS256, the event in the claim {@code data} as a JSON string), with
 * a key pair of this test run; the server under test is configured with its public key. Also
 * signs the forgeries a server must refuse.
 */
public final class WebhookSigner {

    private static final KeyPair WIX = newKeyPair();
    private static final KeyPair SOMEONE_ELSE = newKeyPair();

    private WebhookSigner() {
    }

    /** Posts a webhook body to the server under test, as Wix does. */
    public static java.net.http.HttpResponse<String> deliver(String body) {
        return deliver(ApiClient.withoutKey(), body);
    }

    /** The same to the server {@code wix} points at. */
    public static java.net.http.HttpResponse<String> deliver(ApiClient wix, String body) {
        return wix.send(wix.request("/webhooks/wix").header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The public key as {@code wix.webhook-public-key} takes it (PEM on one line). */
    public static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----" + Base64.getEncoder().encodeToString(WIX.getPublic().getEncoded())
                + "-----END PUBLIC KEY-----";
    }

    /** A webhook as Wix sends it. */
    public static String webhook(Event event) {
        return sign(event, (RSAPrivateKey) WIX.getPrivate());
    }

    /** The same, signed with another key pair (another app's, or a forger's). */
    public static String signedBySomeoneElse(Event event) {
        return sign(event, (RSAPrivateKey) SOMEONE_ELSE.getPrivate());
    }

    /** Unsigned ({@code alg: none}). */
    public static String unsigned(Event event) {
        return new PlainJWT(event.claims()).serialize();
    }

    /** HS256 with the public key's bytes as the secret: verifies if a server trusts the header's {@code alg}. */
    public static String hmacWithThePublicKey(Event event) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), event.claims());
            jwt.sign(new MACSigner(publicKeyPem().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims whose {@code data} is an object, not the JSON string Wix sends. */
    public static String withDataAsObject(Event event) {
        return sign(event, (RSAPrivateKey) WIX.getPrivate(), true);
    }

    private static String sign(Event event, RSAPrivateKey key) {
        return sign(event, key, false);
    }

    private static String sign(Event event, RSAPrivateKey key, boolean dataAsObject) {
        try {
            JWTClaimsSet claims = dataAsObject
                    ? new JWTClaimsSet.Builder(event.claims()).claim("data", java.util.Map.of("eventType", event.eventType())).build()
                    : event.claims();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One event. {@code payload} and {@code identity} are JSON texts, as Wix nests them.
     *
     * @param expiresAt null for a JWT without {@code exp}
     */
    public static class Event {

        private final String eventType;
        private final String instanceId;
        private final String payload;
        private final String identity;
        private final Instant issuedAt;
        private final Instant expiresAt;

        public Event(String eventType, String instanceId, String payload, String identity, Instant issuedAt, Instant expiresAt) {
            this.eventType = eventType;
            this.instanceId = instanceId;
            this.payload = payload;
            this.identity = identity;
            this.issuedAt = issuedAt;
            this.expiresAt = expiresAt;
        }

        public static Event of(String eventType, String instanceId, String payload) {
            return new Event(eventType, instanceId, payload, null, Instant.now(), Instant.now().plusSeconds(300));
        }

        public Event withIdentity(String json) {
            return new Event(eventType, instanceId, payload, json, issuedAt, expiresAt);
        }

        public Event issuedAt(Instant when) {
            return new Event(eventType, instanceId, payload, identity, when, expiresAt);
        }

        public Event expiringAt(Instant when) {
            return new Event(eventType, instanceId, payload, identity, issuedAt, when);
        }

        String eventType() {
            return eventType;
        }

        String instanceId() {
            return instanceId;
        }

        String payload() {
            return payload;
        }

        String identity() {
            return identity;
        }

        Instant issuedAt() {
            return issuedAt;
        }

        Instant expiresAt() {
            return expiresAt;
        }

        JWTClaimsSet claims() {
            JsonObjectBuilder data = Json.createObjectBuilder().add("eventType", eventType).add("data", payload);
            if (instanceId != null) {
                data.add("instanceId", instanceId);
            }
            if (identity != null) {
                data.add("identity", identity);
            }
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().claim("data", data.build().toString())
                    .issueTime(Date.from(issuedAt));
            if (expiresAt != null) {
                claims.expirationTime(Date.from(expiresAt));
            }
            return claims.build();
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
