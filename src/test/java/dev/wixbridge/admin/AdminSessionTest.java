package dev.wixbridge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.wixbridge.testing.SettableClock;
import dev.wixbridge.token.control.TokenKeysFixture;

/** An admin's login cookie: signed, short-lived, carrying the form token every form must echo. */
class AdminSessionTest {

    private static final String KEY = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = "k2:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @TempDir
    Path data;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));

    private AdminSession session(String keys) {
        AdminSession session = new AdminSession();
        session.keys = TokenKeysFixture.of(keys, data);
        session.clock = clock;
        return session;
    }

    private static Cookie sent(NewCookie cookie) {
        return new Cookie.Builder(cookie.getName()).value(cookie.getValue()).build();
    }

    @Test
    void a_new_login_is_a_strict_http_only_cookie_for_the_admin_pages() {
        NewCookie cookie = session(KEY).start(true);

        assertThat(cookie.getName()).isEqualTo(AdminSession.COOKIE);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo(NewCookie.SameSite.STRICT);
        assertThat(cookie.getPath()).isEqualTo("/admin");
        assertThat(cookie.getMaxAge()).isEqualTo((int) AdminSession.LIFETIME.toSeconds());
    }

    @Test
    void a_login_carries_a_form_token_that_forms_must_echo() {
        AdminSession session = session(KEY);
        Cookie login = sent(session.start(false));

        String formToken = session.formToken(login).orElseThrow();

        assertThat(session.accepts(login, formToken)).isTrue();
        assertThat(session.accepts(login, "forged")).isFalse();
        assertThat(session.accepts(login, null)).isFalse();
    }

    @Test
    void a_login_ends_after_thirty_minutes() {
        AdminSession session = session(KEY);
        Cookie login = sent(session.start(false));

        clock.advance(AdminSession.LIFETIME.minusSeconds(1));
        assertThat(session.formToken(login)).isPresent();
        clock.advance(java.time.Duration.ofSeconds(1));
        assertThat(session.formToken(login)).isEmpty();
    }

    @Test
    void a_tampered_or_malformed_cookie_is_no_login() {
        AdminSession session = session(KEY);
        String[] parts = session.start(false).getValue().split("\\.");

        assertThat(session.formToken(new Cookie.Builder(AdminSession.COOKIE)
                .value("99999999999." + parts[1] + "." + parts[2]).build())).as("expiry moved").isEmpty();
        assertThat(session.formToken(new Cookie.Builder(AdminSession.COOKIE).value("garbage").build())).isEmpty();
        assertThat(session.formToken(null)).isEmpty();
    }

    @Test
    void every_server_with_the_same_keys_accepts_it_and_no_other() {
        Cookie login = sent(session(KEY).start(false));

        assertThat(session(KEY).formToken(login)).isPresent();
        assertThat(session(OTHER_KEY).formToken(login)).isEmpty();
    }

    @Test
    void logging_out_empties_the_cookie() {
        NewCookie ended = session(KEY).end(false);

        assertThat(ended.getValue()).isEmpty();
        assertThat(ended.getMaxAge()).isZero();
    }
}
