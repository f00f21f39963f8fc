package dev.wixbridge.wix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;

import jakarta.ws.rs.ProcessingException;

import org.junit.jupiter.api.Test;

import dev.wixbridge.wix.WixFailure.Kind;

/** Every failed call to Wix is read in one place. */
class WixFailureTest {

    @Test
    void statuses_are_read_by_what_they_mean() {
        assertThat(WixFailure.ofStatus(401, Optional.empty()).kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(WixFailure.ofStatus(403, Optional.empty()).kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(WixFailure.ofStatus(400, Optional.empty()).kind()).isEqualTo(Kind.REFUSED);
        assertThat(WixFailure.ofStatus(404, Optional.empty()).kind()).isEqualTo(Kind.REFUSED);
        assertThat(WixFailure.ofStatus(429, Optional.empty()).kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(WixFailure.ofStatus(500, Optional.empty()).kind()).isEqualTo(Kind.DOWN);
        assertThat(WixFailure.ofStatus(503, Optional.empty()).kind()).isEqualTo(Kind.DOWN);
    }

    @Test
    void a_status_wix_answered_is_read_once_and_kept_with_its_retry_after() {
        WixFailure answered = WixFailure.ofStatus(429, WixErrorMapper.retryAfter("7"));

        assertThat(WixFailure.of(new WixCallFailed(answered)))
                .isEqualTo(new WixFailure(Kind.RATE_LIMITED, 429, Optional.of(Duration.ofSeconds(7))));
    }

    @Test
    void a_read_timeout_anywhere_in_the_causes_is_a_timeout() {
        ProcessingException failure = new ProcessingException(new IOException(new SocketTimeoutException("Read timed out")));

        assertThat(WixFailure.of(failure).kind()).isEqualTo(Kind.TIMEOUT);
    }

    @Test
    void a_failed_connection_is_wix_down() {
        assertThat(WixFailure.of(new ProcessingException(new ConnectException("refused"))).kind()).isEqualTo(Kind.DOWN);
        assertThat(WixFailure.of(new ProcessingException(new java.net.SocketTimeoutException("Connect timed out"))).kind())
                .isEqualTo(Kind.DOWN);
        assertThat(WixFailure.of(new ProcessingException(new java.net.UnknownHostException("wix"))).kind()).isEqualTo(Kind.DOWN);
    }

    @Test
    void an_answer_lost_after_the_request_went_out_is_a_timeout() {
        assertThat(WixFailure.of(new ProcessingException(new java.net.SocketTimeoutException("Read timed out"))).kind())
                .isEqualTo(Kind.TIMEOUT);
        assertThat(WixFailure.of(new ProcessingException(new java.net.SocketException("Connection reset"))).kind())
                .isEqualTo(Kind.TIMEOUT);
        assertThat(WixFailure.of(new ProcessingException(new java.io.IOException("Unexpected end of file from server"))).kind())
                .isEqualTo(Kind.TIMEOUT);
    }

    @Test
    void an_answer_that_does_not_parse_is_malformed() {
        ProcessingException failure = new ProcessingException(new jakarta.json.bind.JsonbException("unexpected char"));

        assertThat(WixFailure.of(failure).kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void outages_are_the_failures_that_may_pass() {
        assertThat(WixFailure.of(Kind.DOWN).isOutage()).isTrue();
        assertThat(WixFailure.of(Kind.TIMEOUT).isOutage()).isTrue();
        assertThat(WixFailure.of(Kind.RATE_LIMITED).isOutage()).isTrue();
        assertThat(WixFailure.of(Kind.MALFORMED).isOutage()).isTrue();
        assertThat(WixFailure.ofStatus(400, Optional.empty()).isOutage()).isFalse();
        assertThat(WixFailure.ofStatus(401, Optional.empty()).isOutage()).isFalse();
    }

    @Test
    void refusals_are_described_by_status_outages_by_kind() {
        assertThat(WixFailure.ofStatus(400, Optional.empty()).describe()).isEqualTo("HTTP 400");
        assertThat(WixFailure.ofStatus(502, Optional.empty()).describe()).isEqualTo("DOWN");
        assertThat(WixFailure.of(Kind.TIMEOUT).describe()).isEqualTo("TIMEOUT");
    }
}
