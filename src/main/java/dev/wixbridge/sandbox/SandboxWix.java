package dev.wixbridge.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.wixbridge.platform.security.SecureTokens;

/**
 * What the sandbox's Wix remembers, in memory: demo sites, single-use codes (ten minutes),
 * refresh tokens, and access tokens (five minutes), with Wix's documented rules.
 */
@ApplicationScoped
public class SandboxWix {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(5);
    /** What Wix documents for a token by client credentials. */
    static final Duration CLIENT_CREDENTIALS_LIFETIME = Duration.ofHours(4);

    @Inject
    Clock clock;

    private final Map<String, String> installTokens = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    /** Demo sites that added an app on Wix's current OAuth. */
    private final Map<String, Boolean> oauthSites = new ConcurrentHashMap<>();

    /** A demo site whose owner adds the app: returns the install token Wix would put in the App URL. */
    public String newSite() {
        String installToken = SecureTokens.newToken();
        installTokens.put(installToken, UUID.randomUUID().toString());
        return installToken;
    }

    /** A demo site that adds an app on Wix's current OAuth (Wix shows its own consent): its instance id. */
    public String newOAuthSite() {
        String instanceId = UUID.randomUUID().toString();
        oauthSites.put(instanceId, true);
        return instanceId;
    }

    /** The client-credentials grant: empty when the site did not add the app this way. */
    Optional<String> clientCredentials(String instanceId) {
        if (instanceId == null || !oauthSites.containsKey(instanceId)) {
            return Optional.empty();
        }
        String token = SecureTokens.newToken();
        accessTokens.put(token, new AccessToken(instanceId, clock.instant().plus(CLIENT_CREDENTIALS_LIFETIME)));
        return Optional.of(token);
    }

    Optional<String> siteOfInstallToken(String installToken) {
        return Optional.ofNullable(installTokens.get(installToken));
    }

    String codeFor(String instanceId) {
        String code = SecureTokens.newToken();
        codes.put(code, new Code(instanceId, clock.instant()));
        return code;
    }

    /** The code grant: empty when the code is unknown, used or older than ten minutes. */
    synchronized Optional<Tokens> redeem(String code) {
        Code known = code == null ? null : codes.remove(code);
        if (known == null || !clock.instant().isBefore(known.issuedAt().plus(CODE_LIFETIME))) {
            return Optional.empty();
        }
        String refreshToken = SecureTokens.newToken();
        refreshTokens.put(refreshToken, known.instanceId());
        return Optional.of(new Tokens(refreshToken, accessTokenFor(known.instanceId())));
    }

    /** The refresh grant: empty when the refresh token is unknown. */
    Optional<Tokens> refresh(String refreshToken) {
        String instanceId = refreshToken == null ? null : refreshTokens.get(refreshToken);
        return instanceId == null ? Optional.empty() : Optional.of(new Tokens(refreshToken, accessTokenFor(instanceId)));
    }

    /** The site an access token belongs to, while it lives. */
    Optional<String> siteOfAccessToken(String accessToken) {
        AccessToken token = accessToken == null ? null : accessTokens.get(accessToken);
        return token != null && clock.instant().isBefore(token.expiresAt()) ? Optional.of(token.instanceId()) : Optional.empty();
    }

    private String accessTokenFor(String instanceId) {
        String token = SecureTokens.newToken();
        accessTokens.put(token, new AccessToken(instanceId, clock.instant().plus(ACCESS_TOKEN_LIFETIME)));
        return token;
    }

    record Tokens(String refreshToken, String accessToken) {
        @Override
        public String toString() {
            return "Tokens[hidden]";
        }
    }

    private record Code(String instanceId, Instant issuedAt) {
    }

    private record AccessToken(String instanceId, Instant expiresAt) {
    }
}
