package dev.wixbridge.wix;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import dev.wixbridge.token.control.Renewal;

/**
 * Tokens of custom authentication: the site's refresh token and the app secret, traded at
 * {@code POST /oauth/access}. When Wix sends no new refresh token, the one we sent stays valid
 * and is returned in the grant.
 */
@ApplicationScoped
public class RefreshTokenSource {

    /** What a caller is told to wait while the circuit is open or too many refreshes wait on Wix. */
    static final Duration BUSY_WAIT = Duration.ofSeconds(10);

    @Inject
    WixTokenEndpoint endpoint;

    @Inject
    WixGrants grants;

    @Inject
    Clock clock;

    /**
     * One refresh, never repeated once it went out: Fault Tolerance retries only what Wix cannot
     * have acted on (no connection, 5xx, short 429s); a lost answer is {@link Renewal.Uncertain}.
     */
    Renewal renew(String refreshToken) {
        AccessTokenRequest request = grants.forRefreshToken(refreshToken);
        Instant asked = clock.instant();
        try {
            return grants.read(endpoint.refresh(request), Optional.of(refreshToken), asked)
                    .<Renewal>map(Renewal.Granted::new)
                    .orElseGet(() -> renewalOf(WixFailure.of(WixFailure.Kind.MALFORMED)));
        } catch (WixTokenEndpoint.AnswerLost lost) {
            // Wix may have carried the refresh out and rotated the token we sent: asking again with it
            // could only be refused, and would cost the site its grant.
            return new Renewal.Uncertain();
        } catch (WixCallFailed failed) {
            return renewalOf(failed.failure());
        } catch (FaultToleranceException busy) {
            // Circuit open or bulkhead full: Wix has been failing, or we are already waiting on it a lot.
            return new Renewal.Unavailable(WixFailure.Kind.DOWN.name(), Optional.of(BUSY_WAIT));
        }
    }

    private Renewal renewalOf(WixFailure failure) {
        return switch (failure.kind()) {
            case UNAUTHORIZED, FORBIDDEN -> {
                grants.credentialsRefused(failure);
                yield new Renewal.CredentialsRefused();
            }
            case REFUSED -> new Renewal.GrantRefused(failure.describe() + failure.wixCode().map(code -> " " + code).orElse(""));
            case RATE_LIMITED, DOWN, TIMEOUT, MALFORMED -> new Renewal.Unavailable(failure.kind().name(), failure.retryAfter());
        };
    }
}
