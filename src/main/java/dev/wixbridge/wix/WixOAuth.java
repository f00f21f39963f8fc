package dev.wixbridge.wix;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import dev.wixbridge.platform.config.WixSettings;

/** Trades authorization codes and refresh tokens for tokens at Wix's token endpoint. */
@ApplicationScoped
public class WixOAuth {

    @Inject
    WixSettings settings;

    @Inject
    WixClients clients;

    @Inject
    WixTokenEndpoint endpoint;

    @Inject
    WixCredentials credentials;

    @Inject
    Clock clock;

    /** The authorization-code grant of the install flow: one attempt, the owner can reload. */
    public TokenExchange exchangeCode(String code) {
        Instant asked = clock.instant();
        try {
            return granted(clients.oauth().access(
                    AccessTokenRequest.authorizationCode(settings.appId(), settings.appSecret(), code)), null, asked);
        } catch (WixHttpException e) {
            return WixFailures.isOutage(e) ? new TokenExchange.Unavailable(WixFailures.outageOf(e)) : rejected(e);
        } catch (ProcessingException e) {
            return new TokenExchange.Unavailable(WixFailures.outageOf(e));
        }
    }

    /**
     * The refresh grant, retried by {@link WixTokenEndpoint}. When Wix sends no new refresh
     * token, the one we sent stays valid and is returned in the grant.
     */
    public TokenExchange refresh(String refreshToken) {
        Instant asked = clock.instant();
        RefreshAttempts attempts = new RefreshAttempts();
        try {
            return granted(endpoint.refresh(
                    AccessTokenRequest.refreshToken(settings.appId(), settings.appSecret(), refreshToken), attempts),
                    refreshToken, asked);
        } catch (WixHttpException e) {
            if (attempts.ambiguous() && !isClientRefusal(e)) {
                // An earlier attempt may have rotated the token we just sent: no proof the grant is gone.
                return new TokenExchange.Unavailable(WixOutage.of(WixOutage.Kind.TIMEOUT));
            }
            return rejected(e);
        } catch (WixRetryableFailure e) {
            return new TokenExchange.Unavailable(e.outage());
        } catch (WixUnavailableNow e) {
            return new TokenExchange.Unavailable(e.outage());
        } catch (FaultToleranceException e) {
            // Circuit open or bulkhead full: Wix has been failing, or we are already waiting on it a lot.
            return new TokenExchange.Unavailable(new WixOutage(WixOutage.Kind.DOWN, Optional.of(Duration.ofSeconds(10))));
        }
    }

    private TokenExchange granted(AccessTokenResponse response, String currentRefreshToken, Instant asked) {
        credentials.accepted();
        String refreshToken = response == null ? null
                : isBlank(response.refreshToken()) ? currentRefreshToken : response.refreshToken();
        if (response == null || isBlank(response.accessToken()) || isBlank(refreshToken)) {
            return new TokenExchange.Unavailable(WixOutage.of(WixOutage.Kind.MALFORMED));
        }
        // The lifetime counts from when we asked, not from when the answer arrived: never optimistic.
        Duration lifetime = response.expiresIn() != null && response.expiresIn() > 0
                ? Duration.ofSeconds(response.expiresIn()) : settings.accessTokenTtl();
        return new TokenExchange.Granted(new Grant(refreshToken, response.accessToken(), asked.plus(lifetime)));
    }

    private TokenExchange rejected(WixHttpException e) {
        if (isClientRefusal(e)) {
            credentials.refused(e.status());
        }
        return new TokenExchange.Rejected(isClientRefusal(e) ? TokenExchange.Rejection.CLIENT_REFUSED
                : TokenExchange.Rejection.GRANT_REFUSED, e.status());
    }

    private static boolean isClientRefusal(WixHttpException e) {
        return e.status() == 401 || e.status() == 403;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
