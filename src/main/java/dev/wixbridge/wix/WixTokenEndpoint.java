package dev.wixbridge.wix;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The refresh grant at Wix's token endpoint, with MicroProfile Fault Tolerance around it:
 * 5xx, 429 and timeouts are retried with backoff and jitter, a Wix that keeps failing opens
 * the circuit for a while, and at most 32 refreshes wait on Wix at once. Every parameter can
 * be tuned through MicroProfile Config ({@code dev.wixbridge.wix.WixTokenEndpoint/refresh/Retry/maxRetries}, ...).
 *
 * <p>The code grant of the install flow does not come here: a code is single use, and a
 * retry after a lost answer would only be refused.
 */
@ApplicationScoped
public class WixTokenEndpoint {

    /** A {@code Retry-After} up to this long is waited out before the retry; a longer one goes back to the caller. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

    @Inject
    WixClients clients;

    @Retry(maxRetries = 2, delay = 300, jitter = 200, maxDuration = 30_000, retryOn = WixRetryableFailure.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = 10_000, successThreshold = 2,
            failOn = WixRetryableFailure.class)
    @Bulkhead(32)
    public AccessTokenResponse refresh(AccessTokenRequest request, RefreshAttempts attempts) {
        try {
            return clients.oauth().access(request);
        } catch (WixHttpException e) {
            if (!WixFailures.isOutage(e)) {
                throw e;
            }
            WixOutage outage = WixFailures.outageOf(e);
            if (outage.kind() == WixOutage.Kind.RATE_LIMITED && outage.retryAfter().isPresent()) {
                Duration wait = outage.retryAfter().get();
                if (wait.compareTo(LONGEST_WAIT) > 0) {
                    throw new WixUnavailableNow(outage);
                }
                pause(wait);
            }
            throw new WixRetryableFailure(outage);
        } catch (ProcessingException e) {
            WixOutage outage = WixFailures.outageOf(e);
            if (outage.kind() == WixOutage.Kind.MALFORMED) {
                attempts.answerLost();
                throw new WixUnavailableNow(outage);
            }
            if (outage.kind() == WixOutage.Kind.TIMEOUT) {
                attempts.answerLost();
            }
            throw new WixRetryableFailure(outage);
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
