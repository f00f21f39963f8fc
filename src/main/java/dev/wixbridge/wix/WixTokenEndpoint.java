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
 * 5xx and short 429s are retried with backoff and jitter, a Wix that keeps failing (or timing
 * out) opens the circuit for a while, and at most 32 refreshes wait on Wix at once. Every
 * parameter can be tuned through MicroProfile Config
 * ({@code dev.wixbridge.wix.WixTokenEndpoint/refresh/Retry/maxRetries},
 * {@code dev.wixbridge.wix.WixTokenEndpoint/clientCredentials/Retry/maxRetries}, ...).
 *
 * <p>A timeout is not retried here: Wix may have carried the request out, so whether to ask
 * again, and what a "no" then means, is {@link RefreshTokenSource}'s decision. The code grant
 * of the install flow does not come here at all: a code is single use.
 */
@ApplicationScoped
public class WixTokenEndpoint {

    /** A {@code Retry-After} up to this long is waited out before the retry; a longer one goes back to the caller. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

    @Inject
    WixClients clients;

    /**
     * @throws Retryable when Wix failed in a way a retry may mend (what is left after the retries)
     * @throws AnswerLost when Wix did not answer in time
     * @throws WixCallFailed when Wix said no, or answered something we cannot read
     */
    @Retry(maxRetries = 2, delay = 300, jitter = 200, maxDuration = 30_000, retryOn = Retryable.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = 10_000, successThreshold = 2,
            failOn = {Retryable.class, AnswerLost.class})
    @Bulkhead(32)
    public AccessTokenResponse refresh(AccessTokenRequest request) {
        try {
            return clients.tokens().access(request);
        } catch (WixCallFailed | ProcessingException e) {
            throw classified(e);
        }
    }

    /**
     * The client-credentials grant, under the same policy. A lost answer is retried here like an
     * outage: a new token for a site revokes nothing, so asking again is always safe.
     */
    @Retry(maxRetries = 2, delay = 300, jitter = 200, maxDuration = 30_000, retryOn = {Retryable.class, AnswerLost.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = 10_000, successThreshold = 2,
            failOn = {Retryable.class, AnswerLost.class})
    @Bulkhead(32)
    public AccessTokenResponse clientCredentials(ClientCredentialsRequest request) {
        try {
            return clients.tokens().token(request);
        } catch (WixCallFailed | ProcessingException e) {
            throw classified(e);
        }
    }

    private static WixCallFailed classified(RuntimeException e) {
        WixFailure failure = WixFailure.of(e);
        return switch (failure.kind()) {
            case DOWN -> new Retryable(failure);
            case RATE_LIMITED -> waitOutOrPassOn(failure);
            case TIMEOUT -> new AnswerLost(failure);
            case UNAUTHORIZED, FORBIDDEN, REFUSED, MALFORMED -> new WixCallFailed(failure);
        };
    }

    private static WixCallFailed waitOutOrPassOn(WixFailure failure) {
        Duration wait = failure.retryAfter().orElse(Duration.ZERO);
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            return new WixCallFailed(failure);
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Retryable(failure);
    }

    /** A failure worth another attempt: the trigger of {@code @Retry}. */
    static class Retryable extends WixCallFailed {

        private static final long serialVersionUID = 1L;

        Retryable(WixFailure failure) {
            super(failure);
        }
    }

    /** No answer in time: Wix may or may not have carried the request out. */
    static class AnswerLost extends WixCallFailed {

        private static final long serialVersionUID = 1L;

        AnswerLost(WixFailure failure) {
            super(failure);
        }
    }
}
