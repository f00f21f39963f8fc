package dev.wixbridge.wix;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import dev.wixbridge.platform.config.WixSettings;

/** Trades authorization codes and refresh tokens for tokens at Wix's token endpoint. */
@ApplicationScoped
public class WixOAuth {

    @Inject
    WixSettings settings;

    @Inject
    WixClients clients;

    @Inject
    Clock clock;

    /** The authorization-code grant of the install flow. */
    public TokenExchange exchangeCode(String code) {
        return request(AccessTokenRequest.authorizationCode(settings.appId(), settings.appSecret(), code), null);
    }

    /**
     * The refresh grant. When Wix sends no new refresh token, the one we sent stays valid and
     * is returned in the grant.
     */
    public TokenExchange refresh(String refreshToken) {
        return request(AccessTokenRequest.refreshToken(settings.appId(), settings.appSecret(), refreshToken), refreshToken);
    }

    private TokenExchange request(AccessTokenRequest request, String currentRefreshToken) {
        Instant asked = clock.instant();
        AccessTokenResponse response;
        try {
            response = clients.oauth().access(request);
        } catch (WixHttpException e) {
            if (WixFailures.isOutage(e)) {
                return new TokenExchange.Unavailable(WixFailures.outageOf(e));
            }
            boolean clientRefused = e.status() == 401 || e.status() == 403;
            return new TokenExchange.Rejected(clientRefused ? TokenExchange.Rejection.CLIENT_REFUSED
                    : TokenExchange.Rejection.GRANT_REFUSED, e.status());
        } catch (ProcessingException e) {
            return new TokenExchange.Unavailable(WixFailures.outageOf(e));
        }
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

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
