package dev.wixbridge.wix;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.wixbridge.installation.entity.WixSite;
import dev.wixbridge.token.control.Renewal;
import dev.wixbridge.token.control.SiteCallResult;
import dev.wixbridge.token.control.TokenSource;

/**
 * The product's one {@link TokenSource}: refresh tokens or client credentials, as
 * {@code wix.auth-mode} says, read at every call so every server of a migration follows its
 * own configuration.
 */
@ApplicationScoped
public class WixTokenSource implements TokenSource {

    @Inject
    WixSettings settings;

    @Inject
    RefreshTokenSource refreshTokens;

    @Inject
    ClientCredentialsSource clientCredentials;

    @Inject
    WixSiteApi siteApi;

    @Override
    public boolean usesRefreshTokens() {
        return settings.authMode() == AuthMode.CUSTOM;
    }

    @Override
    public Renewal renew(String instanceId, Optional<String> refreshToken) {
        return switch (settings.authMode()) {
            case CUSTOM -> refreshToken.map(refreshTokens::renew)
                    .orElseGet(() -> new Renewal.GrantRefused("no refresh token stored"));
            case OAUTH -> clientCredentials.renew(instanceId);
        };
    }

    @Override
    public SiteCallResult<WixSite> siteOf(String accessToken) {
        return siteApi.site(accessToken);
    }
}
