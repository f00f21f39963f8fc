package dev.wixbridge.install.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** An install state's life: issued pending, then completed or refused once, expiring after its lifetime. */
class InstallStateTest {

    private static final Instant ISSUED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final InstallState state = InstallState.issue("state-hash", "browser-hash", ISSUED, LIFETIME);

    @Test
    void a_new_state_is_pending_and_bound_to_its_browser() {
        assertThat(state.status()).isEqualTo(InstallStateStatus.PENDING);
        assertThat(state.isBoundTo("browser-hash")).isTrue();
        assertThat(state.isBoundTo("another-browser")).isFalse();
        assertThat(state.refusal()).isEmpty();
    }

    @Test
    void it_expires_exactly_at_the_end_of_its_lifetime() {
        assertThat(state.hasExpiredAt(ISSUED.plus(LIFETIME).minusMillis(1))).isFalse();
        assertThat(state.hasExpiredAt(ISSUED.plus(LIFETIME))).isTrue();
    }

    @Test
    void completing_remembers_which_callback_finished_it() {
        state.complete("code-hash", "site", ISSUED.plusSeconds(30));

        assertThat(state.status()).isEqualTo(InstallStateStatus.COMPLETED);
        assertThat(state.instanceId()).isEqualTo("site");
        assertThat(state.wasFinishedBy("code-hash", "site")).isTrue();
        assertThat(state.wasFinishedBy("other-code", "site")).isFalse();
        assertThat(state.wasFinishedBy("code-hash", "other-site")).isFalse();
    }

    @Test
    void refusing_remembers_why() {
        state.refuse("code-hash", "site", Refusal.INSTANCE_MISMATCH, ISSUED.plusSeconds(30));

        assertThat(state.status()).isEqualTo(InstallStateStatus.REFUSED);
        assertThat(state.refusal()).hasValue(Refusal.INSTANCE_MISMATCH);
        assertThat(state.wasFinishedBy("code-hash", "site")).isTrue();
    }

    @Test
    void a_pending_state_was_finished_by_no_callback() {
        assertThat(state.wasFinishedBy("code-hash", "site")).isFalse();
    }
}
