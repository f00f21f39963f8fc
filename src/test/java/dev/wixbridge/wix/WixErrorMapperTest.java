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

    @Test
    void reads_wix_error_code_where_wix_puts_one() {
        assertThat(WixErrorMapper.errorCode("{\"message\":\"no\",\"details\":{\"applicationError\":{\"code\":\"APP_NOT_INSTALLED\"}}}"))
                .hasValue("APP_NOT_INSTALLED");
        assertThat(WixErrorMapper.errorCode("{\"details\":{\"code\":\"invalid_grant\"}}")).hasValue("invalid_grant");
        assertThat(WixErrorMapper.errorCode("{\"error\":\"invalid_client\"}")).hasValue("invalid_client");
    }

    @Test
    void keeps_no_code_from_a_body_without_one_or_with_anything_but_a_short_token() {
        assertThat(WixErrorMapper.errorCode("")).isEmpty();
        assertThat(WixErrorMapper.errorCode("<html>")).isEmpty();
        assertThat(WixErrorMapper.errorCode("{\"message\":\"no\"}")).isEmpty();
        assertThat(WixErrorMapper.errorCode("{\"error\":\"<script>alert(1)</script>\"}")).isEmpty();
        assertThat(WixErrorMapper.errorCode("{\"error\":\"" + "x".repeat(49) + "\"}")).isEmpty();
    }
}
