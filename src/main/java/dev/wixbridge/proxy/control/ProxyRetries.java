package dev.wixbridge.proxy.control;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * When one proxied call sends its request again after Wix said "not now" (429, 502, 503, 504):
 * only {@code GET} and {@code HEAD}, which Wix may see twice without harm; at most
 * {@code wix.proxy.retries} times; and only while all the waiting stays within
 * {@code wix.proxy.max-wait}. Wix's {@code Retry-After} sets the wait, a doubling backoff stands
 * in when it gives none. Hand-written rather than Fault Tolerance's {@code @Retry}: the wait
 * comes from each answer, and an answer that is not retried goes back to the caller as it is.
 * One per call: it counts what the call has waited.
 */
final class ProxyRetries {

    static final Set<Integer> RETRIED_STATUSES = Set.of(429, 502, 503, 504);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    private final boolean idempotent;
    private final int retries;
    private final Duration maxWait;
    private int retried;
    private Duration waited = Duration.ZERO;

    ProxyRetries(String method, int retries, Duration maxWait) {
        this.idempotent = method.equals("GET") || method.equals("HEAD");
        this.retries = retries;
        this.maxWait = maxWait;
    }

    /** How long to wait before sending the request again; empty when Wix's answer goes back now. */
    Optional<Duration> waitBefore(int status, Optional<Duration> retryAfter) {
        if (!idempotent || !RETRIED_STATUSES.contains(status) || retried >= retries) {
            return Optional.empty();
        }
        Duration wait = retryAfter.orElse(FIRST_BACKOFF.multipliedBy(1L << retried));
        if (waited.plus(wait).compareTo(maxWait) > 0) {
            return Optional.empty();
        }
        retried++;
        waited = waited.plus(wait);
        return Optional.of(wait);
    }
}
