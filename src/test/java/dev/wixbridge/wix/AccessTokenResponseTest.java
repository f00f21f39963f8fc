package dev.wixbridge.wix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.wixbridge.token.control.Grant;

/** What a token answer from Wix gives the product. */
class AccessTokenResponseTest {

    private static final Instant ASKED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration DEFAULT = Duration.ofMinutes(5);

    @Test
    void a_rotated_refresh_token_replaces_the_one_sent() {
        Optional<Grant> grant = new AccessTokenResponse("access", "rotated", null).grant(Optional.of("sent"), ASKED, DEFAULT);

        assertThat(grant).hasValue(new Grant("rotated", "access", ASKED.plus(DEFAULT)));
    }

    @Test
    void without_a_new_refresh_token_the_one_sent_stays() {
        assertThat(new AccessTokenResponse("access", " ", null).grant(Optional.of("sent"), ASKED, DEFAULT))
                .hasValueSatisfying(grant -> assertThat(grant.refreshToken()).isEqualTo("sent"));
    }

    @Test
    void a_code_grant_without_a_refresh_token_is_unusable() {
        assertThat(new AccessTokenResponse("access", null, null).grant(Optional.empty(), ASKED, DEFAULT)).isEmpty();
    }

    @Test
    void an_answer_without_an_access_token_is_unusable() {
        assertThat(new AccessTokenResponse("", "refresh", null).grant(Optional.of("sent"), ASKED, DEFAULT)).isEmpty();
    }

    @Test
    void a_stated_lifetime_counts_from_when_we_asked() {
        assertThat(new AccessTokenResponse("access", "refresh", 3600L).grant(Optional.empty(), ASKED, DEFAULT))
                .hasValueSatisfying(grant -> assertThat(grant.accessTokenExpiresAt()).isEqualTo(ASKED.plusSeconds(3600)));
        assertThat(new AccessTokenResponse("access", "refresh", 0L).grant(Optional.empty(), ASKED, DEFAULT))
                .hasValueSatisfying(grant -> assertThat(grant.accessTokenExpiresAt()).isEqualTo(ASKED.plus(DEFAULT)));
    }

    @Test
    void printing_it_shows_no_token() {
        assertThat(new AccessTokenResponse("access-xyz", "refresh-xyz", null).toString()).doesNotContain("xyz");
        assertThat(new Grant("refresh-xyz", "access-xyz", ASKED).toString()).doesNotContain("xyz");
    }
}
