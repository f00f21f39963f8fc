package dev.wixbridge.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import dev.wixbridge.platform.security.SecureTokens;
import dev.wixbridge.token.control.TokenKeys;

/**
 * An admin's login as a signed cookie ({@code expiry.formToken.signature}, HMAC-SHA256 with
 * a key derived from {@code wix.token-keys}): any server sharing the keys accepts it, none
 * keeps state. HttpOnly, {@code SameSite=Strict}, limited to {@code /admin}, thirty minutes.
 * Every form of the page carries the cookie's form token, so another site cannot post it.
 */
@ApplicationScoped
class AdminSession {

    static final String COOKIE = "wix_bridge_admin";
    static final Duration LIFETIME = Duration.ofMinutes(30);

    @Inject
    TokenKeys keys;

    @Inject
    Clock clock;

    NewCookie start(boolean secure) {
        return cookie(newLogin(), (int) LIFETIME.toSeconds(), secure);
    }

    /** A new login's cookie value: {@code expiry.formToken.signature}. */
    String newLogin() {
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        String payload = expires + "." + SecureTokens.newToken();
        return payload + "." + sign(payload);
    }

    /** The form token of a valid, unexpired login; empty otherwise. */
    Optional<String> formToken(String login) {
        if (login == null) {
            return Optional.empty();
        }
        String[] parts = login.split("\\.");
        if (parts.length != 3 || !parts[0].matches("[0-9]{1,12}") || !SecureTokens.isWellFormed(parts[1])) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1];
        boolean signed = MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII));
        boolean current = clock.instant().getEpochSecond() < Long.parseLong(parts[0]);
        return signed && current ? Optional.of(parts[1]) : Optional.empty();
    }

    /** Whether a form came from our page under this login. */
    boolean accepts(String login, String presented) {
        return formToken(login).filter(token -> presented != null && MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))).isPresent();
    }

    NewCookie end(boolean secure) {
        return cookie("", 0, secure);
    }

    private static NewCookie cookie(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(COOKIE).value(value).path("/admin").maxAge(maxAge)
                .httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
    }

    private String sign(String payload) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(SecureTokens.hmacSha256(keys.derive("wix-bridge admin session"), payload));
    }
}
