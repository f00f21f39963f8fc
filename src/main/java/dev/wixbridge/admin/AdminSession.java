package dev.wixbridge.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import dev.wixbridge.api.ApiKeys;
import dev.wixbridge.platform.security.SecureTokens;
import dev.wixbridge.token.control.TokenKeys;

/**
 * An admin's login as a signed cookie ({@code expiry.formToken.keyRef.signature}, HMAC-SHA256
 * with a key derived from {@code wix.token-keys}): any server sharing the keys accepts it. It
 * ends after thirty minutes, at a logout (recorded in the database, so on every server:
 * {@link AdminLogouts}), and once the API key it was opened with is no longer in {@code api.keys}
 * ({@code keyRef} names that key without revealing it). HttpOnly, {@code SameSite=Strict},
 * limited to {@code /admin}. Every form of the page carries the cookie's form token, so another
 * site cannot post it.
 */
@ApplicationScoped
class AdminSession {

    static final String COOKIE = "wix_bridge_admin";
    static final Duration LIFETIME = Duration.ofMinutes(30);

    @Inject
    TokenKeys keys;

    @Inject
    ApiKeys apiKeys;

    @Inject
    AdminLogouts logouts;

    @Inject
    Clock clock;

    /** A login opened with {@code key} (one {@link ApiKeys} accepted). */
    NewCookie start(String key, boolean secure) {
        return cookie(newLogin(key), (int) LIFETIME.toSeconds(), secure);
    }

    /** A new login's cookie value: {@code expiry.formToken.keyRef.signature}. */
    String newLogin(String key) {
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        String payload = expires + "." + SecureTokens.newToken() + "." + keyRef(key);
        return payload + "." + sign(payload);
    }

    /** The form token of a valid login: signed, unexpired, not logged out, its key still listed; empty otherwise. */
    Optional<String> formToken(String login) {
        return valid(login).map(Login::formToken);
    }

    /** Whether a form came from our page under this login. */
    boolean accepts(String login, String presented) {
        return formToken(login).filter(token -> presented != null && MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))).isPresent();
    }

    /** Ends the login on every server. */
    void logOut(String login) {
        valid(login).ifPresent(ended -> logouts.record(SecureTokens.fingerprint(ended.formToken()), ended.expires()));
    }

    /** The cookie that ends a login in the browser. */
    NewCookie cleared(boolean secure) {
        return cookie("", 0, secure);
    }

    private record Login(Instant expires, String formToken) {
    }

    private Optional<Login> valid(String login) {
        if (login == null) {
            return Optional.empty();
        }
        String[] parts = login.split("\\.");
        if (parts.length != 4 || !parts[0].matches("[0-9]{1,12}") || !SecureTokens.isWellFormed(parts[1])
                || !parts[2].matches("[A-Za-z0-9_-]{22}")) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        boolean signed = MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII));
        Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[0]));
        if (!signed || !clock.instant().isBefore(expires) || !apiKeys.isListed(key -> keyRef(key).equals(parts[2]))
                || logouts.isLoggedOut(SecureTokens.fingerprint(parts[1]))) {
            return Optional.empty();
        }
        return Optional.of(new Login(expires, parts[1]));
    }

    private static NewCookie cookie(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(COOKIE).value(value).path("/admin").maxAge(maxAge)
                .httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** Names an API key in the cookie without revealing anything of it (a keyed hash, cut short). */
    private String keyRef(String key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(SecureTokens.hmacSha256(keys.derive("wix-bridge admin key"), key)).substring(0, 22);
    }

    private String sign(String payload) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(SecureTokens.hmacSha256(keys.derive("wix-bridge admin session"), payload));
    }
}
