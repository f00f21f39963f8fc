package dev.wixbridge.token.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.wixbridge.installation.control.Installations;
import dev.wixbridge.installation.entity.Installation;
import dev.wixbridge.installation.entity.SealedTokens;
import dev.wixbridge.platform.metrics.Metrics;

/**
 * Where a site's token is refreshed: under the installation's row lock, the stored token if it
 * is still good, otherwise a new one from the {@link TokenSource} (refresh token or client
 * credentials, as the auth mode says), stored before it leaves.
 *
 * <p>The lock ({@code SELECT ... FOR UPDATE}) is what makes a refresh single flight across
 * servers: the row is read again once the lock is granted, so a server that waited finds the
 * token another one just stored.
 *
 * <p>Order of a refresh, so that a rotated refresh token is never lost where it can be
 * avoided: lock the row; ask the source; store the new tokens and commit; only then hand out
 * the access token. A crash after Wix answered and before the commit loses that answer: Wix
 * normally leaves the refresh token unchanged, so the stored one still works; if Wix rotated
 * it, the site needs re-authorization. Nothing else is done between Wix's answer and the
 * commit, to keep that window as short as it can be.
 */
@ApplicationScoped
public class TokenRefresh {

    /** Tokens served, by {@code source}: {@code memory}, {@code database} or {@code refresh}. */
    static final String SERVED = "wixbridge.tokens.served";
    /** Refreshes failed, by {@code kind}. */
    static final String FAILED = "wixbridge.token.refreshes.failed";

    private static final Logger LOG = Logger.getLogger(TokenRefresh.class.getName());

    @Inject
    Installations installations;

    @Inject
    TokenCipher cipher;

    @Inject
    TokenSource source;

    @Inject
    TokenSettings settings;

    @Inject
    Metrics metrics;

    @Inject
    Clock clock;

    /** The site's token for {@code reason}; what it changes is committed before the token is returned. */
    AccessTokenResult tokenFor(String instanceId, RefreshReason reason) {
        return installations.underLock(instanceId, found -> found
                .map(installation -> tokenFor(installation, reason))
                .orElseGet(AccessTokenResult.UnknownSite::new));
    }

    private AccessTokenResult tokenFor(Installation installation, RefreshReason reason) {
        return switch (installation.status()) {
            case UNINSTALLED -> new AccessTokenResult.Uninstalled();
            // With client credentials no owner is needed: the site gets tokens again.
            case REAUTH_REQUIRED -> source.usesRefreshTokens() ? new AccessTokenResult.ReauthorizationRequired()
                    : storedOrRenewed(installation, reason);
            case ACTIVE -> storedOrRenewed(installation, reason);
        };
    }

    private AccessTokenResult storedOrRenewed(Installation installation, RefreshReason reason) {
        Optional<SealedTokens> sealed = installation.sealedTokens();
        Optional<AccessTokenResult> stored = sealed.flatMap(tokens -> storedIfGood(installation, tokens, reason));
        if (stored.isPresent()) {
            return stored.get();
        }
        Optional<String> refreshToken = sealed.flatMap(tokens -> cipher.openRefreshToken(installation.instanceId(), tokens));
        if (source.usesRefreshTokens() && refreshToken.isEmpty()) {
            return new AccessTokenResult.ReauthorizationRequired();
        }
        Optional<AccessTokenResult.SiteRefused> refused = SiteRefusals.recent(installation, clock.instant());
        if (refused.isPresent()) {
            return refused.get();
        }
        return renew(installation, refreshToken);
    }

    private Optional<AccessTokenResult> storedIfGood(Installation installation, SealedTokens sealed, RefreshReason reason) {
        String instanceId = installation.instanceId();
        Instant expiresAt = installation.accessTokenExpiresAt();
        String stored = cipher.openAccessToken(instanceId, sealed);
        if (stored == null || !reason.accepts(stored) || !settings.isFresh(expiresAt, clock.instant())) {
            return Optional.empty();
        }
        metrics.count(SERVED, "source", "database");
        return Optional.of(new AccessTokenResult.Issued(instanceId, stored, expiresAt));
    }

    /** @param refreshToken the stored one: kept when the source issues none, so a switch back to custom authentication works */
    private AccessTokenResult renew(Installation installation, Optional<String> refreshToken) {
        String instanceId = installation.instanceId();
        long started = System.nanoTime();
        Renewal renewal = source.renew(instanceId, refreshToken);
        Instant now = clock.instant();
        AccessTokenResult result = renewal.match(new Renewal.Cases<>() {
            @Override
            public AccessTokenResult granted(Grant grant) {
                Grant kept = grant.refreshToken() != null ? grant
                        : new Grant(refreshToken.orElse(null), grant.accessToken(), grant.accessTokenExpiresAt());
                installation.refreshed(cipher.seal(instanceId, kept), grant.accessTokenExpiresAt(), now);
                metrics.count(SERVED, "source", "refresh");
                return new AccessTokenResult.Issued(instanceId, grant.accessToken(), grant.accessTokenExpiresAt());
            }

            @Override
            public AccessTokenResult grantRefused(String detail) {
                installation.requireReauthorization("REFRESH_REJECTED (" + detail + ")", now);
                metrics.count(FAILED, "kind", "reauthorization_required");
                return new AccessTokenResult.ReauthorizationRequired();
            }

            @Override
            public AccessTokenResult siteRefused(Optional<String> wixCode) {
                // The site's status stays: Wix may issue tokens for it again (a reinstall, a fixed plan).
                installation.failed(SiteRefusals.failure(wixCode), now);
                metrics.count(FAILED, "kind", "site_refused");
                return new AccessTokenResult.SiteRefused(wixCode);
            }

            @Override
            public AccessTokenResult credentialsRefused() {
                // Not the site's fault: nothing about it changes.
                metrics.count(FAILED, "kind", "credentials_refused");
                return new AccessTokenResult.Misconfigured();
            }

            @Override
            public AccessTokenResult unavailable(String cause, Optional<Duration> retryAfter) {
                installation.failed("WIX_UNAVAILABLE (" + cause + ")", now);
                metrics.count(FAILED, "kind", "wix_unavailable");
                return new AccessTokenResult.WixUnavailable(retryAfter);
            }
        });
        LOG.info(() -> "event=token_refresh instance=" + instanceId + " outcome=" + result.getClass().getSimpleName()
                + " duration_ms=" + Duration.ofNanos(System.nanoTime() - started).toMillis());
        return result;
    }
}
