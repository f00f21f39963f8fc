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

    Renewal renew(String refreshToken) {
        AccessTokenRequest request = grants.forRefreshToken(refreshToken);
        try {
            return attempt(request, refreshToken, false);
        } catch (WixTokenEndpoint.AnswerLost lost) {
            // Wix may have carried the refresh out, and rotated the token we sent, without our
            // hearing of it: ask once more, and a "no" to that proves nothing about the site's grant.
            try {
                return attempt(request, refreshToken, true);
            } catch (WixTokenEndpoint.AnswerLost again) {
                return renewalOf(again.failure(), true);
            }
        }
    }

    private Renewal attempt(AccessTokenRequest request, String refreshToken, boolean afterLostAnswer) {
        Instant asked = clock.instant();
        try {
            return grants.read(endpoint.refresh(request), Optional.of(refreshToken), asked)
                    .<Renewal>map(Renewal.Granted::new)
                    .orElseGet(() -> renewalOf(WixFailure.of(WixFailure.Kind.MALFORMED), afterLostAnswer));
        } catch (WixTokenEndpoint.AnswerLost lost) {
            throw lost;
        } catch (WixCallFailed failed) {
            return renewalOf(failed.failure(), afterLostAnswer);
        } catch (FaultToleranceException busy) {
            // Circuit open or bulkhead full: Wix has been failing, or we are already waiting on it a lot.
            return new Renewal.Unavailable(WixFailure.Kind.DOWN.name(), Optional.of(BUSY_WAIT));
        }
    }

    private Renewal renewalOf(WixFailure failure, boolean afterLostAnswer) {
        return switch (failure.kind()) {
            case UNAUTHORIZED, FORBIDDEN -> {
                grants.credentialsRefused(failure);
                yield new Renewal.CredentialsRefused();
            }
            case REFUSED -> afterLostAnswer
                    ? new Renewal.Unavailable(WixFailure.Kind.TIMEOUT.name(), Optional.empty())
                    : new Renewal.GrantRefused(failure.describe());
            case RATE_LIMITED, DOWN, TIMEOUT, MALFORMED -> new Renewal.Unavailable(failure.kind().name(), failure.retryAfter());
        };
    }
}
