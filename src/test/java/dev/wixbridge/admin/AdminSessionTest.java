package dev.wixbridge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.wixbridge.testing.SettableClock;
import dev.wixbridge.token.control.TokenKeysFixture;

/**
 * An admin's login: signed, short-lived, carrying the form token every form must echo. (The
 * cookie's attributes are asserted over HTTP by {@code AdminPageIT}.)
 */
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

    @Test
    void a_login_carries_a_form_token_that_forms_must_echo() {
        AdminSession session = session(KEY);
        String login = session.newLogin();

        String formToken = session.formToken(login).orElseThrow();

        assertThat(login).contains(formToken);
        assertThat(session.accepts(login, formToken)).isTrue();
        assertThat(session.accepts(login, "forged")).isFalse();
        assertThat(session.accepts(login, null)).isFalse();
    }

    @Test
    void every_login_has_its_own_form_token() {
        AdminSession session = session(KEY);

        assertThat(session.formToken(session.newLogin())).isNotEqualTo(session.formToken(session.newLogin()));
    }

    @Test
    void a_login_ends_after_thirty_minutes() {
        AdminSession session = session(KEY);
        String login = session.newLogin();

        clock.advance(AdminSession.LIFETIME.minusSeconds(1));
        assertThat(session.formToken(login)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(session.formToken(login)).isEmpty();
    }

    @Test
    void a_tampered_or_malformed_login_is_no_login() {
        AdminSession session = session(KEY);
        String[] parts = session.newLogin().split("\\.");

        assertThat(session.formToken("99999999999." + parts[1] + "." + parts[2])).as("expiry moved").isEmpty();
        assertThat(session.formToken(parts[0] + "." + parts[1] + ".forged")).as("signature forged").isEmpty();
        assertThat(session.formToken("garbage")).isEmpty();
        assertThat(session.formToken("")).isEmpty();
        assertThat(session.formToken(null)).isEmpty();
    }

    @Test
    void every_server_with_the_same_keys_accepts_it_and_no_other() {
        String login = session(KEY).newLogin();

        assertThat(session(KEY).formToken(login)).isPresent();
        assertThat(session(OTHER_KEY).formToken(login)).isEmpty();
    }
}
