package dev.wixbridge.wix;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import dev.wixbridge.token.control.Renewal;

/**
 * Tokens of Wix's current OAuth: the app id, the app secret and the site's instance id, traded
 * at {@code POST /oauth2/token}. No refresh token: every new token is asked for the same way.
 */
@ApplicationScoped
public class ClientCredentialsSource {

    @Inject
    WixTokenEndpoint endpoint;

    @Inject
    WixGrants grants;

    @Inject
    Clock clock;

    Renewal renew(String instanceId) {
        Instant asked = clock.instant();
        try {
            return grants.readAccess(endpoint.clientCredentials(grants.forInstance(instanceId)), asked)
                    .<Renewal>map(Renewal.Granted::new)
                    .orElseGet(() -> new Renewal.Unavailable(WixFailure.Kind.MALFORMED.name(), Optional.empty()));
        } catch (WixCallFailed failed) {
            WixFailure failure = failed.failure();
            return switch (failure.kind()) {
                case UNAUTHORIZED, FORBIDDEN -> {
                    grants.credentialsRefused(failure);
                    yield new Renewal.CredentialsRefused();
                }
                // Wix will not issue a token for this instance: the app is not installed there, for example.
                case REFUSED -> new Renewal.SiteRefused(failure.wixCode());
                case RATE_LIMITED, DOWN, TIMEOUT, MALFORMED -> new Renewal.Unavailable(failure.kind().name(), failure.retryAfter());
            };
        } catch (FaultToleranceException busy) {
            return new Renewal.Unavailable(WixFailure.Kind.DOWN.name(), Optional.of(RefreshTokenSource.BUSY_WAIT));
        }
    }
}
