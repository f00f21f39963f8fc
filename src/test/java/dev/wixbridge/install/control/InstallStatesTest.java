package dev.wixbridge.install.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.wixbridge.install.entity.InstallState;
import dev.wixbridge.install.entity.Refusal;
import dev.wixbridge.platform.security.SecureTokens;
import dev.wixbridge.testing.MapConfig;

/** Where the state of a callback is checked: each way a callback can stand with its state. */
class InstallStatesTest {

    private static final Instant ISSUED = Instant.parse("2026-12-01T10:00:00Z");
    private static final String SITE = "8a4f2a3e-1c2b-4d5e-9f00-123456789abc";

    private final InstallStates states = new InstallStates();
    private final String browser = SecureTokens.newToken();
    private final InstallState issued = InstallState.issue("state-hash", SecureTokens.fingerprint(browser),
            ISSUED, InstallStates.LIFETIME);

    InstallStatesTest() {
        states.config = MapConfig.of();
    }

    private Callback callback(String code, Optional<String> browserId) {
        return new Callback("state", code, SITE, browserId);
    }

    private StateCheck check(Callback callback, Instant now) {
        return states.check(Optional.of(issued), callback, now);
    }

    @Test
    void a_state_we_never_issued_is_unknown() {
        assertThat(states.check(Optional.empty(), callback("code", Optional.of(browser)), ISSUED))
                .isEqualTo(new StateCheck.Refused(Refusal.STATE_UNKNOWN));
    }

    @Test
    void a_pending_state_of_this_browser_in_time_may_trade_its_code() {
        assertThat(check(callback("code", Optional.of(browser)), ISSUED.plusSeconds(60))).isEqualTo(new StateCheck.Pending(issued));
    }

    @Test
    void another_browser_is_refused() {
        assertThat(check(callback("code", Optional.of(SecureTokens.newToken())), ISSUED))
                .isEqualTo(new StateCheck.Refused(Refusal.STATE_FROM_OTHER_BROWSER));
    }

    @Test
    void a_browser_without_the_cookie_is_refused_unless_binding_is_if_present() {
        assertThat(check(callback("code", Optional.empty()), ISSUED))
                .isEqualTo(new StateCheck.Refused(Refusal.STATE_FROM_OTHER_BROWSER));

        states.config = MapConfig.of(InstallStates.BROWSER_BINDING, "if-present");
        assertThat(check(callback("code", Optional.empty()), ISSUED)).isEqualTo(new StateCheck.Pending(issued));
        assertThat(check(callback("code", Optional.of(SecureTokens.newToken())), ISSUED))
                .as("another browser's cookie, even so").isEqualTo(new StateCheck.Refused(Refusal.STATE_FROM_OTHER_BROWSER));
    }

    @Test
    void a_state_past_its_ten_minutes_has_expired() {
        assertThat(check(callback("code", Optional.of(browser)), ISSUED.plus(InstallStates.LIFETIME)))
                .isEqualTo(new StateCheck.Refused(Refusal.STATE_EXPIRED));
    }

    @Test
    void a_finished_link_hands_out_a_token_only_to_its_browser_within_ten_minutes() {
        states.settle(issued, callback("code", Optional.of(browser)), new CallbackOutcome.Completed(SITE, "token"), ISSUED);

        assertThat(check(callback("code", Optional.of(browser)), ISSUED.plus(InstallStates.RELOAD_WINDOW).minusSeconds(1)))
                .isEqualTo(new StateCheck.CompletedBefore(true));
        assertThat(check(callback("code", Optional.of(browser)), ISSUED.plus(InstallStates.RELOAD_WINDOW)))
                .as("later").isEqualTo(new StateCheck.CompletedBefore(false));

        states.config = MapConfig.of(InstallStates.BROWSER_BINDING, "if-present");
        assertThat(check(callback("code", Optional.empty()), ISSUED.plusSeconds(5)))
                .as("without the install cookie, even where binding is if-present").isEqualTo(new StateCheck.CompletedBefore(false));
    }

    @Test
    void a_used_state_with_another_code_is_already_used() {
        states.settle(issued, callback("code", Optional.of(browser)), new CallbackOutcome.Completed(SITE, "token"), ISSUED);

        assertThat(check(callback("another code", Optional.of(browser)), ISSUED))
                .isEqualTo(new StateCheck.Refused(Refusal.STATE_ALREADY_USED));
    }

    @Test
    void a_refused_callback_loaded_again_is_refused_for_the_same_reason() {
        states.settle(issued, callback("code", Optional.of(browser)), new CallbackOutcome.Refused(Refusal.CODE_REJECTED), ISSUED);

        assertThat(check(callback("code", Optional.of(browser)), ISSUED))
                .isEqualTo(new StateCheck.Refused(Refusal.CODE_REJECTED));
    }

    @Test
    void wix_unavailable_makes_the_state_pending_again_for_a_reload() {
        issued.claim(SecureTokens.fingerprint("code"), SITE, ISSUED);
        states.settle(issued, callback("code", Optional.of(browser)),
                new CallbackOutcome.WixUnavailable(false, Optional.empty()), ISSUED);

        assertThat(check(callback("code", Optional.of(browser)), ISSUED)).isEqualTo(new StateCheck.Pending(issued));
        assertThat(check(callback("another code", Optional.of(browser)), ISSUED))
                .as("a released claim binds no code").isEqualTo(new StateCheck.Pending(issued));
    }

    @Test
    void a_claimed_state_is_in_progress_for_its_callback_and_used_for_any_other() {
        issued.claim(SecureTokens.fingerprint("code"), SITE, ISSUED.plusSeconds(10));

        assertThat(check(callback("code", Optional.of(browser)), ISSUED.plusSeconds(11))).isEqualTo(new StateCheck.InProgress());
        assertThat(check(callback("another code", Optional.of(browser)), ISSUED.plusSeconds(11)))
                .isEqualTo(new StateCheck.Refused(Refusal.STATE_ALREADY_USED));
        assertThat(check(callback("code", Optional.of(SecureTokens.newToken())), ISSUED.plusSeconds(11)))
                .isEqualTo(new StateCheck.Refused(Refusal.STATE_FROM_OTHER_BROWSER));
    }

    @Test
    void a_claim_left_behind_by_a_server_that_went_away_is_taken_over_while_the_state_lives() {
        issued.claim(SecureTokens.fingerprint("code"), SITE, ISSUED.plusSeconds(10));
        Instant leftBehind = ISSUED.plusSeconds(10).plus(InstallStates.CLAIM_TIMEOUT).plusSeconds(1);

        assertThat(check(callback("code", Optional.of(browser)), leftBehind)).isEqualTo(new StateCheck.Pending(issued));
        assertThat(check(callback("another code", Optional.of(browser)), leftBehind))
                .isEqualTo(new StateCheck.Refused(Refusal.STATE_ALREADY_USED));
        assertThat(check(callback("code", Optional.of(browser)), ISSUED.plus(InstallStates.LIFETIME)))
                .isEqualTo(new StateCheck.Refused(Refusal.STATE_EXPIRED));
    }

    @Test
    void a_callback_prints_no_secret() {
        assertThat(new Callback("the-state", "the-code", SITE, Optional.of(browser)).toString())
                .doesNotContain("the-state", "the-code", browser);
    }
}
