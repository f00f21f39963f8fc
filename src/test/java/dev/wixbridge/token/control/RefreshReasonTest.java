package dev.wixbridge.token.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which stored token each reason for a refresh accepts. */
class RefreshReasonTest {

    @Test
    void a_miss_in_memory_accepts_any_stored_token() {
        assertThat(new RefreshReason.NotInMemory().accepts("stored")).isTrue();
    }

    @Test
    void a_token_wix_rejected_is_never_handed_out_again_but_another_is() {
        RefreshReason rejected = new RefreshReason.Rejected("rejected-token");

        assertThat(rejected.accepts("rejected-token")).isFalse();
        assertThat(rejected.accepts("replacement")).isTrue();
        assertThat(rejected.toString()).doesNotContain("rejected-token");
    }

    @Test
    void a_recheck_accepts_nothing_stored() {
        assertThat(new RefreshReason.Recheck().accepts("stored")).isFalse();
    }
}
