package dev.wixbridge.wix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

class WixErrorMapperTest {

    @Test
    void reads_retry_after_in_seconds() {
        assertThat(WixErrorMapper.retryAfter("30")).hasValue(Duration.ofSeconds(30));
    }

    @Test
    void reads_retry_after_as_an_http_date() {
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(60));
        assertThat(WixErrorMapper.retryAfter(inAMinute)).hasValueSatisfying(
                wait -> assertThat(wait).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60)));
    }

    @Test
    void ignores_a_missing_or_unreadable_retry_after() {
        assertThat(WixErrorMapper.retryAfter(null)).isEmpty();
        assertThat(WixErrorMapper.retryAfter("soon")).isEmpty();
        assertThat(WixErrorMapper.retryAfter("-5")).hasValue(Duration.ZERO);
    }
}
