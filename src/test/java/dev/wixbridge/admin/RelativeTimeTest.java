package dev.wixbridge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RelativeTimeTest {

    private static final Instant NOW = Instant.parse("2026-12-03T16:00:00.700Z");

    @Test
    void reads_at_a_glance_in_the_past_and_the_future() {
        assertThat(RelativeTime.words(NOW.minusSeconds(3), NOW)).isEqualTo("just now");
        assertThat(RelativeTime.words(NOW.minusSeconds(42), NOW)).isEqualTo("42 s ago");
        assertThat(RelativeTime.words(NOW.plus(Duration.ofMinutes(4).plusSeconds(50)), NOW)).isEqualTo("in 4 min");
        assertThat(RelativeTime.words(NOW.minus(Duration.ofMinutes(89)), NOW)).isEqualTo("89 min ago");
        assertThat(RelativeTime.words(NOW.minus(Duration.ofHours(47)), NOW)).isEqualTo("47 h ago");
        assertThat(RelativeTime.words(NOW.minus(Duration.ofDays(400)), NOW)).isEqualTo("400 days ago");
    }

    @Test
    void the_exact_utc_time_is_in_the_markup_and_on_hover() {
        assertThat(RelativeTime.html(Instant.parse("2026-12-03T15:58:30.250Z"), NOW))
                .isEqualTo("<time datetime=\"2026-12-03T15:58:30Z\" title=\"2026-12-03 15:58:30 UTC\">1 min ago</time>");
        assertThat(RelativeTime.html(null, NOW)).isEmpty();
    }
}
