package dev.wixbridge.wix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.MapConfig;
import dev.wixbridge.testing.SettableClock;
import dev.wixbridge.token.control.Grant;
import dev.wixbridge.token.control.Renewal;
import dev.wixbridge.wix.WixFailure.Kind;

/** What a refresh at Wix's token endpoint means for the site, attempt by attempt. */
class RefreshTokenSourceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final Deque<Supplier<AccessTokenResponse>> answers = new ArrayDeque<>();
    private final RefreshTokenSource source = new RefreshTokenSource();
    private int attempts;

    RefreshTokenSourceTest() {
        source.endpoint = new WixTokenEndpoint() {
            @Override
            public AccessTokenResponse refresh(AccessTokenRequest request) {
                attempts++;
                return answers.removeFirst().get();
            }
        };
        WixSettings settings = new WixSettings();
        settings.config = MapConfig.of(WixSettings.APP_ID, "app", WixSettings.APP_SECRET, "secret");
        source.grants = new WixGrants();
        source.grants.settings = settings;
        source.grants.credentials = new WixCredentials();
        source.clock = new SettableClock(NOW);
    }

    private void answer(AccessTokenResponse response) {
        answers.add(() -> response);
    }

    private void fail(WixCallFailed failure) {
        answers.add(() -> {
            throw failure;
        });
    }

    @Test
    void tokens_from_wix_are_granted_with_the_refresh_token_kept() {
        answer(new AccessTokenResponse("access", null, null));

        assertThat(source.renew("refresh"))
                .isEqualTo(new Renewal.Granted(new Grant("refresh", "access", NOW.plus(Duration.ofMinutes(5)))));
        assertThat(attempts).isEqualTo(1);
    }

    @Test
    void a_refused_refresh_token_is_the_site_grant_refused() {
        fail(new WixCallFailed(WixFailure.ofStatus(400, Optional.empty())));

        assertThat(source.renew("refresh")).isEqualTo(new Renewal.GrantRefused("HTTP 400"));
    }

    @Test
    void refused_app_credentials_mark_no_site_and_are_remembered_for_readiness() {
        fail(new WixCallFailed(WixFailure.ofStatus(401, Optional.empty())));

        assertThat(source.renew("refresh")).isEqualTo(new Renewal.CredentialsRefused());
        assertThat(source.grants.credentials.refused()).isTrue();

        answer(new AccessTokenResponse("access", null, null));
        source.renew("refresh");
        assertThat(source.grants.credentials.refused()).as("accepted again").isFalse();
    }

    @Test
    void a_lost_answer_is_uncertain_and_never_asked_again_with_the_same_refresh_token() {
        fail(new WixTokenEndpoint.AnswerLost(WixFailure.of(Kind.TIMEOUT)));
        answer(new AccessTokenResponse("access", null, null));

        assertThat(source.renew("refresh")).isEqualTo(new Renewal.Uncertain());
        assertThat(attempts).isEqualTo(1);
    }

    @Test
    void wix_down_after_the_retries_passes_its_retry_after_on() {
        fail(new WixTokenEndpoint.Retryable(WixFailure.ofStatus(429, Optional.of(Duration.ofSeconds(30)))));

        assertThat(source.renew("refresh")).isEqualTo(new Renewal.Unavailable("RATE_LIMITED", Optional.of(Duration.ofSeconds(30))));
    }

    @Test
    void an_unreadable_answer_is_unavailable() {
        answer(new AccessTokenResponse(null, null, null));

        assertThat(source.renew("refresh")).isEqualTo(new Renewal.Unavailable("MALFORMED", Optional.empty()));
    }

    @Test
    void an_open_circuit_asks_the_caller_to_come_back_later() {
        answers.add(() -> {
            throw new CircuitBreakerOpenException("open");
        });

        assertThat(source.renew("refresh"))
                .isEqualTo(new Renewal.Unavailable("DOWN", Optional.of(RefreshTokenSource.BUSY_WAIT)));
    }
}
