package dev.wixbridge.token.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.wixbridge.installation.control.Installations;
import dev.wixbridge.installation.entity.Installation;
import dev.wixbridge.installation.entity.SealedTokens;
import dev.wixbridge.platform.config.WixSettings;
import dev.wixbridge.platform.metrics.ProductMetrics;
import dev.wixbridge.platform.persistence.Database;
import dev.wixbridge.wix.TokenExchange;
import dev.wixbridge.wix.WixOAuth;

/**
 * A valid Wix access token for any installed site, for any code in this application.
 *
 * <p>Tokens come from memory, then from the database, and only then from Wix. A refresh is
 * single flight: concurrent callers for one site in this server share one refresh (the first
 * does the work, the others wait for its result); across servers, the installation's row is
 * locked ({@code SELECT ... FOR UPDATE}) and read again once the lock is granted, so a server
 * that waited finds the token another one just stored. Different sites refresh in parallel.
 *
 * <p>Order of a refresh, so that a rotated refresh token is never lost where it can be
 * avoided: lock the row; ask Wix; store the new tokens and commit; only then cache and hand
 * out the access token. A crash after Wix answered and before the commit loses that answer:
 * Wix normally leaves the refresh token unchanged, so the stored one still works; if Wix
 * rotated it, the site needs re-authorization. Nothing else is done between Wix's answer and
 * the commit, to keep that window as short as it can be.
 */
@ApplicationScoped
public class AccessTokens {

    private static final Logger LOG = Logger.getLogger(AccessTokens.class.getName());

    /**
     * How long this server trusts its memory before reading the row again (no call to Wix):
     * bounds how long an uninstall or re-authorization on another server goes unnoticed here.
     */
    static final Duration MEMORY_TRUST = Duration.ofSeconds(30);

    /** Stands for "whatever token is stored" where a rejected token is expected: never equal to a real one. */
    @SuppressWarnings("StringOperationCanBeSimplified") // a distinct instance, compared by identity
    private static final String FORCE_REFRESH = new String("force-refresh");

    @Inject
    Database database;

    @Inject
    Installations installations;

    @Inject
    TokenCipher cipher;

    @Inject
    WixOAuth oauth;

    @Inject
    WixSettings settings;

    @Inject
    ProductMetrics metrics;

    @Inject
    Clock clock;

    private final ConcurrentHashMap<String, Remembered> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<AccessTokenResult>> refreshing = new ConcurrentHashMap<>();

    /** A token for the site with more than {@code wix.token-refresh-skew-seconds} of life left. */
    public AccessTokenResult accessTokenFor(String instanceId) {
        Remembered remembered = cache.get(instanceId);
        if (remembered != null && isUsable(remembered)) {
            metrics.tokenServed("memory");
            return remembered.token();
        }
        return singleFlight(instanceId, null);
    }

    /**
     * A token to replace {@code rejected}, which Wix just refused (401) although it had not
     * expired: refreshed at once, unless another caller already replaced it.
     */
    public AccessTokenResult replaceRejected(String instanceId, String rejected) {
        cache.computeIfPresent(instanceId, (id, remembered) -> remembered.token().accessToken().equals(rejected) ? null : remembered);
        Remembered remembered = cache.get(instanceId);
        if (remembered != null && isUsable(remembered)) {
            return remembered.token();
        }
        return singleFlight(instanceId, rejected);
    }

    /**
     * Refreshes the site's token at Wix now, whatever its age: an admin's re-check of a site.
     * Shares the single flight and the row lock with every other refresh.
     */
    public AccessTokenResult refreshNow(String instanceId) {
        cache.remove(instanceId);
        return singleFlight(instanceId, FORCE_REFRESH);
    }

    /** Drops what this server remembers of the site (after an uninstall or a reinstall). */
    public void forget(String instanceId) {
        cache.remove(instanceId);
    }

    /**
     * Drops every token memory no longer vouches for: past {@link #MEMORY_TRUST} the row is read
     * again anyway, so keeping it would only grow memory with every site ever served. Memory then
     * holds the sites served in the last half minute, however many are installed.
     *
     * @return how many were dropped
     */
    public int forgetStale() {
        Instant now = clock.instant();
        int before = cache.size();
        // Removes an entry only if it is still the stale one checked (a concurrent refresh's new entry stays).
        cache.values().removeIf(remembered -> !now.isBefore(remembered.trustedUntil()));
        return Math.max(0, before - cache.size());
    }

    /** How many sites' tokens this server holds in memory now. */
    int remembered() {
        return cache.size();
    }

    private AccessTokenResult singleFlight(String instanceId, String rejected) {
        CompletableFuture<AccessTokenResult> mine = new CompletableFuture<>();
        CompletableFuture<AccessTokenResult> running = refreshing.putIfAbsent(instanceId, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            AccessTokenResult result = fromDatabaseOrWix(instanceId, rejected);
            if (result instanceof AccessTokenResult.Issued issued) {
                remember(issued);
            } else {
                cache.remove(instanceId);
            }
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            refreshing.remove(instanceId, mine);
        }
    }

    private AccessTokenResult fromDatabaseOrWix(String instanceId, String rejected) {
        return database.inTransaction(em -> {
            Installation installation = installations.lock(em, instanceId);
            if (installation == null) {
                return new AccessTokenResult.UnknownSite();
            }
            switch (installation.status()) {
                case UNINSTALLED:
                    return new AccessTokenResult.Uninstalled();
                case REAUTH_REQUIRED:
                    return new AccessTokenResult.ReauthorizationRequired();
                default:
                    break;
            }
            SealedTokens sealed = installation.sealedTokens().orElse(null);
            if (sealed == null) {
                return new AccessTokenResult.ReauthorizationRequired();
            }
            String stored = cipher.openAccessToken(instanceId, sealed);
            if (stored != null && rejected != FORCE_REFRESH && !stored.equals(rejected)
                    && isFresh(installation.accessTokenExpiresAt())) {
                metrics.tokenServed("database");
                return new AccessTokenResult.Issued(instanceId, stored, installation.accessTokenExpiresAt());
            }
            return refresh(em, installation, cipher.openRefreshToken(instanceId, sealed));
        });
    }

    /** Runs inside the row lock; what it changes is committed before the token leaves this class. */
    private AccessTokenResult refresh(EntityManager em, Installation installation, String refreshToken) {
        String instanceId = installation.instanceId();
        long started = System.nanoTime();
        TokenExchange exchange = oauth.refresh(refreshToken);
        Instant now = clock.instant();
        AccessTokenResult result;
        if (exchange instanceof TokenExchange.Granted granted) {
            installation.refreshed(cipher.seal(instanceId, granted.grant()), granted.grant().accessTokenExpiresAt(), now);
            result = new AccessTokenResult.Issued(instanceId, granted.grant().accessToken(), granted.grant().accessTokenExpiresAt());
            metrics.tokenServed("refresh");
        } else if (exchange instanceof TokenExchange.Rejected rejected
                && rejected.rejection() == TokenExchange.Rejection.GRANT_REFUSED) {
            installation.requireReauthorization("REFRESH_REJECTED (HTTP " + rejected.status() + ")", now);
            result = new AccessTokenResult.ReauthorizationRequired();
            metrics.refreshFailed("reauthorization_required");
        } else if (exchange instanceof TokenExchange.Rejected) {
            em.getTransaction().setRollbackOnly();
            result = new AccessTokenResult.Misconfigured();
            metrics.refreshFailed("credentials_refused");
        } else {
            TokenExchange.Unavailable unavailable = (TokenExchange.Unavailable) exchange;
            installation.failed("WIX_UNAVAILABLE (" + unavailable.outage().kind() + ")", now);
            result = new AccessTokenResult.WixUnavailable(unavailable.outage().retryAfter());
            metrics.refreshFailed("wix_unavailable");
        }
        LOG.info(() -> "event=token_refresh instance=" + instanceId + " outcome=" + result.getClass().getSimpleName()
                + " duration_ms=" + Duration.ofNanos(System.nanoTime() - started).toMillis());
        return result;
    }

    void remember(AccessTokenResult.Issued issued) {
        cache.put(issued.instanceId(), new Remembered(issued, clock.instant().plus(MEMORY_TRUST)));
    }

    private boolean isFresh(Instant expiresAt) {
        return expiresAt != null && clock.instant().plus(settings.refreshSkew()).isBefore(expiresAt);
    }

    /** A token held in memory, and until when this server trusts it without reading the row. */
    private record Remembered(AccessTokenResult.Issued token, Instant trustedUntil) {
    }

    private boolean isUsable(Remembered remembered) {
        return clock.instant().isBefore(remembered.trustedUntil()) && isFresh(remembered.token().expiresAt());
    }
}
