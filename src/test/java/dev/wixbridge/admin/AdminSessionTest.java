package dev.wixbridge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.wixbridge.api.ApiKeys;

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

    private static final String API_KEY = "an-api-key-of-at-least-32-characters-1";
    private static final String OTHER_API_KEY = "an-api-key-of-at-least-32-characters-2";

    private volatile List<String> listed = List.of();
    private final ApiKeys apiKeys = new ApiKeys() {
        @Override
        public boolean isListed(Predicate<String> matches) {
            return listed.stream().anyMatch(matches);
        }
    };
    private final Set<String> loggedOut = new HashSet<>();
    private final AdminLogouts logouts = new AdminLogouts() {
        @Override
        boolean isLoggedOut(String loginHash) {
            return loggedOut.contains(loginHash);
        }

        @Override
        void record(String loginHash, Instant expiresAt) {
            loggedOut.add(loginHash);
        }
    };

    AdminSessionTest() {
        listApiKeys(API_KEY + "," + OTHER_API_KEY);
    }

    private void listApiKeys(String keys) {
        listed = List.of(keys.split(","));
    }

    private AdminSession session(String keys) {
        AdminSession session = new AdminSession();
        session.keys = TokenKeysFixture.of(keys, data);
        session.apiKeys = apiKeys;
        session.logouts = logouts;
        session.clock = clock;
        return session;
    }

    @Test
    void a_login_carries_a_form_token_that_forms_must_echo() {
        AdminSession session = session(KEY);
        String login = session.newLogin(API_KEY);

        String formToken = session.formToken(login).orElseThrow();

        assertThat(login).contains(formToken);
        assertThat(session.accepts(login, formToken)).isTrue();
        assertThat(session.accepts(login, "forged")).isFalse();
        assertThat(session.accepts(login, null)).isFalse();
    }

    @Test
    void every_login_has_its_own_form_token() {
        AdminSession session = session(KEY);

        assertThat(session.formToken(session.newLogin(API_KEY))).isNotEqualTo(session.formToken(session.newLogin(API_KEY)));
    }

    @Test
    void a_login_ends_after_thirty_minutes() {
        AdminSession session = session(KEY);
        String login = session.newLogin(API_KEY);

        clock.advance(AdminSession.LIFETIME.minusSeconds(1));
        assertThat(session.formToken(login)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(session.formToken(login)).isEmpty();
    }

    @Test
    void a_tampered_or_malformed_login_is_no_login() {
        AdminSession session = session(KEY);
        String[] parts = session.newLogin(API_KEY).split("\\.");

        assertThat(session.formToken("99999999999." + parts[1] + "." + parts[2] + "." + parts[3])).as("expiry moved").isEmpty();
        assertThat(session.formToken(parts[0] + "." + parts[1] + "." + parts[2] + ".forged")).as("signature forged").isEmpty();
        assertThat(session.formToken(parts[0] + "." + parts[1] + "." + parts[3])).as("no key named").isEmpty();
        assertThat(session.formToken("garbage")).isEmpty();
        assertThat(session.formToken("")).isEmpty();
        assertThat(session.formToken(null)).isEmpty();
    }

    @Test
    void every_server_with_the_same_keys_accepts_it_and_no_other() {
        String login = session(KEY).newLogin(API_KEY);

        assertThat(session(KEY).formToken(login)).isPresent();
        assertThat(session(OTHER_KEY).formToken(login)).isEmpty();
    }

    @Test
    void a_logout_ends_the_login_and_no_other() {
        AdminSession session = session(KEY);
        String login = session.newLogin(API_KEY);
        String other = session.newLogin(API_KEY);

        session.logOut(login);

        assertThat(session.formToken(login)).isEmpty();
        assertThat(session(KEY).formToken(login)).as("another server sharing the database").isEmpty();
        assertThat(session.formToken(other)).isPresent();
    }

    @Test
    void a_login_ends_when_its_key_leaves_api_keys() {
        AdminSession session = session(KEY);
        String login = session.newLogin(API_KEY);
        String other = session.newLogin(OTHER_API_KEY);

        listApiKeys(OTHER_API_KEY);

        assertThat(session.formToken(login)).isEmpty();
        assertThat(session.formToken(other)).isPresent();
        assertThat(login).doesNotContain(API_KEY);
    }
}
