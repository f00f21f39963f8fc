package dev.wixbridge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureWordsTest {

    @Test
    void each_stored_failure_reads_as_what_happened() {
        assertThat(FailureWords.of("SITE_REFUSED:PLAN_EXPIRED")).startsWith("Wix refused tokens for this site (Wix's code: PLAN_EXPIRED)");
        assertThat(FailureWords.of("SITE_REFUSED")).startsWith("Wix refused tokens for this site;");
        assertThat(FailureWords.of("WIX_UNAVAILABLE (DOWN)")).isEqualTo("Wix could not be reached for a new token (DOWN).");
        assertThat(FailureWords.of("REFRESH_UNCERTAIN (no answer from Wix within wix.refresh-completion-ms; Wix may have rotated the refresh token)"))
                .isEqualTo("Wix did not answer a token refresh in time, and may have rotated the refresh token.");
        assertThat(FailureWords.of("REFRESH_REJECTED (invalid_grant): the refresh token was probably rotated by Wix during an earlier refresh"))
                .isEqualTo("Wix rejected the refresh token (invalid_grant): the site owner must open the app again."
                        + " Wix probably rotated it during an earlier refresh whose answer never came.");
        assertThat(FailureWords.of("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
        assertThat(FailureWords.of(null)).isEmpty();
    }
}
