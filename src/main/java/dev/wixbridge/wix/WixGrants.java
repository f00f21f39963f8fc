package dev.wixbridge.wix;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.wixbridge.token.control.Grant;

/**
 * The app's side of Wix's token endpoint, for both grants: requests signed with the app's id
 * and secret, grants read from Wix's answers, and what every answer says about those credentials
 * (kept in {@link WixCredentials} for readiness and the admin).
 */
@ApplicationScoped
class WixGrants {

    @Inject
    WixSettings settings;

    @Inject
    WixCredentials credentials;

    AccessTokenRequest forCode(String code) {
        return AccessTokenRequest.authorizationCode(settings.appId(), settings.appSecret(), code);
    }

    AccessTokenRequest forRefreshToken(String refreshToken) {
        return AccessTokenRequest.refreshToken(settings.appId(), settings.appSecret(), refreshToken);
    }

    ClientCredentialsRequest forInstance(String instanceId) {
        return ClientCredentialsRequest.of(settings.appId(), settings.appSecret(), instanceId);
    }

    /** The access token in a client-credentials answer, empty when it lacks one. */
    Optional<Grant> readAccess(AccessTokenResponse answer, Instant asked) {
        credentials.accepted();
        return answer.accessGrant(asked, settings.accessTokenTtl());
    }

    /**
     * The grant in an answer of the token endpoint, empty when it lacks what Wix documents.
     *
     * @param sent the refresh token we sent, if any
     * @param asked when we asked: the token's lifetime counts from then
     */
    Optional<Grant> read(AccessTokenResponse answer, Optional<String> sent, Instant asked) {
        credentials.accepted();
        return answer.grant(sent, asked, settings.accessTokenTtl());
    }

    /** Wix refused our app id or secret (401/403): remembered, and logged once for the admin. */
    void credentialsRefused(WixFailure failure) {
        credentials.refused(failure.status());
    }
}
