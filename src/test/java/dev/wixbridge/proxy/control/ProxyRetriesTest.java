package dev.wixbridge.proxy.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ProxyRetriesTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @Test
    void get_and_head_wait_as_wix_says_up_to_the_number_of_retries() {
        ProxyRetries retries = new ProxyRetries("GET", 2, TEN_SECONDS);

        assertThat(retries.waitBefore(429, Optional.of(Duration.ofSeconds(3)))).hasValue(Duration.ofSeconds(3));
        assertThat(retries.waitBefore(503, Optional.of(Duration.ofSeconds(2)))).hasValue(Duration.ofSeconds(2));
        assertThat(retries.waitBefore(503, Optional.of(Duration.ofSeconds(1)))).isEmpty();
        assertThat(new ProxyRetries("HEAD", 2, TEN_SECONDS).waitBefore(504, Optional.empty())).isPresent();
    }

    @Test
    void without_retry_after_the_backoff_doubles() {
        ProxyRetries retries = new ProxyRetries("GET", 3, TEN_SECONDS);

        assertThat(retries.waitBefore(502, Optional.empty())).hasValue(ProxyRetries.FIRST_BACKOFF);
        assertThat(retries.waitBefore(502, Optional.empty())).hasValue(ProxyRetries.FIRST_BACKOFF.multipliedBy(2));
        assertThat(retries.waitBefore(502, Optional.empty())).hasValue(ProxyRetries.FIRST_BACKOFF.multipliedBy(4));
    }

    @Test
    void a_wait_beyond_the_total_bound_sends_the_answer_back_at_once() {
        ProxyRetries retries = new ProxyRetries("GET", 5, TEN_SECONDS);

        assertThat(retries.waitBefore(429, Optional.of(Duration.ofSeconds(11)))).isEmpty();
        assertThat(retries.waitBefore(429, Optional.of(Duration.ofSeconds(6)))).isPresent();
        assertThat(retries.waitBefore(429, Optional.of(Duration.ofSeconds(5)))).isEmpty();
        assertThat(retries.waitBefore(429, Optional.of(Duration.ofSeconds(4)))).isPresent();
    }

    @Test
    void other_methods_and_other_statuses_are_never_retried() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertThat(new ProxyRetries(method, 2, TEN_SECONDS).waitBefore(503, Optional.of(Duration.ofSeconds(1)))).isEmpty();
        }
        for (int status : new int[] {200, 400, 401, 404, 500, 501}) {
            assertThat(new ProxyRetries("GET", 2, TEN_SECONDS).waitBefore(status, Optional.empty())).isEmpty();
        }
        assertThat(new ProxyRetries("GET", 0, TEN_SECONDS).waitBefore(503, Optional.empty())).isEmpty();
    }
}
