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
 * Where a site's token is refreshed: the stored token if it is still good, otherwise a new one
 * from the {@link TokenSource} (refresh token or client credentials, as the auth mode says),
 * stored before it leaves.
 *
 * <p>In three steps, so that no database connection or row lock is held while Wix is slow:
 * <ol>
 * <li><b>claim</b>, under the row lock: read the row fresh; serve its token if good; otherwise
 *     mark the row "refresh under way since now" and commit. A row already marked by another
 *     server (within {@code wix.refresh-completion-ms} plus a margin) is not refreshed again: this
 *     server reads the row again every {@link #POLL} until the other one stored its answer (its
 *     callers stop waiting after {@code wix.read-timeout-ms}, as for any refresh). A marker older
 *     than that lost its server, and is taken over.</li>
 * <li><b>ask Wix</b>, outside any transaction, for as long as {@code wix.refresh-completion-ms}.</li>
 * <li><b>store</b>, under the row lock: the new tokens (a rotated refresh token among them), or
 *     what went wrong, and clear the marker; only if the marker is still this refresh's (a reinstall
 *     or an uninstall meanwhile made its answer stale).</li>
 * </ol>
 *
 * <p>A refresh that went out and got no answer is uncertain: Wix may have rotated the refresh
 * token. It is never sent again; the row says so, and if Wix then refuses the stored refresh
 * token, the site's last failure says the token was probably rotated during that timeout.
 * A server killed between steps 1 and 3 loses at most that one answer.
 */
@ApplicationScoped
public class TokenRefresh {

    /** Tokens served, by {@code source}: {@code memory}, {@code database} or {@code refresh}. */
    static final String SERVED = "wixbridge.tokens.served";
    /** Refreshes failed, by {@code kind}. */
    static final String FAILED = "wixbridge.token.refreshes.failed";
    /** The last failure of a refresh whose answer never came. */
    static final String UNCERTAIN = "REFRESH_UNCERTAIN";

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
        Claim claim = claim(instanceId, reason);
        while (claim.elsewhere()) {
            // Another server asks Wix: wait for what it stores (or for its marker to expire), then look again.
            if (!pause()) {
                return new AccessTokenResult.WixUnavailable(Optional.empty());
            }
            claim = claim(instanceId, reason);
        }
        if (claim.answer().isPresent()) {
            return claim.answer().get();
        }
        Claim mine = claim;
        long started = System.nanoTime();
        Renewal renewal = source.renew(instanceId, claim.refreshToken());
        AccessTokenResult result = installations.underLock(instanceId, found -> found
                .filter(installation -> installation.awaitsRefresh(mine.startedAt()))
                .map(installation -> store(installation, mine, renewal))
                // Reinstalled or uninstalled meanwhile: this answer belongs to the old grant.
                .orElseGet(() -> new AccessTokenResult.WixUnavailable(Optional.empty())));
        LOG.info(() -> "event=token_refresh instance=" + instanceId + " outcome=" + result.getClass().getSimpleName()
                + " duration_ms=" + Duration.ofNanos(System.nanoTime() - started).toMillis());
        return result;
    }

    /** How often a server waiting for another's refresh reads the row again. */
    static final Duration POLL = Duration.ofMillis(200);

    /**
     * What step 1 decided: an answer without asking Wix, another server's refresh to wait for, or a
     * refresh this server now owns.
     *
     * @param afterUncertain whether the refresh token may have been rotated by a refresh whose answer never came
     */
    private record Claim(Optional<AccessTokenResult> answer, boolean elsewhere, Instant startedAt,
                         Optional<String> refreshToken, boolean afterUncertain) {

        static Claim answered(AccessTokenResult answer) {
            return new Claim(Optional.of(answer), false, null, Optional.empty(), false);
        }

        static Claim underWayElsewhere() {
            return new Claim(Optional.empty(), true, null, Optional.empty(), false);
        }
    }

    private Claim claim(String instanceId, RefreshReason reason) {
        return installations.underLock(instanceId, found -> found
                .map(installation -> claim(installation, reason))
                .orElseGet(() -> Claim.answered(new AccessTokenResult.UnknownSite())));
    }

    private static boolean pause() {
        try {
            Thread.sleep(POLL.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Claim claim(Installation installation, RefreshReason reason) {
        return switch (installation.status()) {
            case UNINSTALLED -> Claim.answered(new AccessTokenResult.Uninstalled());
            // With client credentials no owner is needed: the site gets tokens again.
            case REAUTH_REQUIRED -> source.usesRefreshTokens() ? Claim.answered(new AccessTokenResult.ReauthorizationRequired())
                    : storedOrClaimed(installation, reason);
            case ACTIVE -> storedOrClaimed(installation, reason);
        };
    }

    private Claim storedOrClaimed(Installation installation, RefreshReason reason) {
        Optional<SealedTokens> sealed = installation.sealedTokens();
        Optional<AccessTokenResult> stored = sealed.flatMap(tokens -> storedIfGood(installation, tokens, reason));
        if (stored.isPresent()) {
            return Claim.answered(stored.get());
        }
        Optional<String> refreshToken = sealed.flatMap(tokens -> cipher.openRefreshToken(installation.instanceId(), tokens));
        if (source.usesRefreshTokens() && refreshToken.isEmpty()) {
            return Claim.answered(new AccessTokenResult.ReauthorizationRequired());
        }
        Optional<AccessTokenResult.SiteRefused> refused = SiteRefusals.recent(installation, clock.instant());
        if (refused.isPresent()) {
            return Claim.answered(refused.get());
        }
        Instant now = clock.instant();
        Optional<Instant> underWay = installation.refreshStartedAt();
        if (underWay.isPresent() && now.isBefore(underWay.get().plus(settings.markerBound()))) {
            // Another server is asking Wix with this refresh token: a second ask could only be refused.
            return Claim.underWayElsewhere();
        }
        boolean afterUncertain = underWay.isPresent()
                || installation.lastFailure() != null && installation.lastFailure().startsWith(UNCERTAIN);
        Instant marker = installation.refreshStarted(now);
        return new Claim(Optional.empty(), false, marker, refreshToken, afterUncertain);
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

    /** Step 3: Wix's answer stored on the row, the marker cleared. */
    private AccessTokenResult store(Installation installation, Claim claim, Renewal renewal) {
        String instanceId = installation.instanceId();
        Instant now = clock.instant();
        installation.refreshEnded();
        return renewal.match(new Renewal.Cases<>() {
            @Override
            public AccessTokenResult granted(Grant grant) {
                // The stored refresh token is kept when the source issues none, so a switch back to custom authentication works.
                Grant kept = grant.refreshToken() != null ? grant
                        : new Grant(claim.refreshToken().orElse(null), grant.accessToken(), grant.accessTokenExpiresAt());
                installation.refreshed(cipher.seal(instanceId, kept), grant.accessTokenExpiresAt(), now);
                metrics.count(SERVED, "source", "refresh");
                return new AccessTokenResult.Issued(instanceId, grant.accessToken(), grant.accessTokenExpiresAt());
            }

            @Override
            public AccessTokenResult grantRefused(String detail) {
                installation.requireReauthorization("REFRESH_REJECTED (" + detail + ")" + (claim.afterUncertain()
                        ? ": the refresh token was probably rotated by Wix during an earlier refresh whose answer never came"
                        + " (Wix timed out); the site owner must open the app again" : ""), now);
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

            @Override
            public AccessTokenResult uncertain() {
                installation.failed(UNCERTAIN + " (no answer from Wix within " + TokenSettings.REFRESH_COMPLETION
                        + "; Wix may have rotated the refresh token)", now);
                metrics.count(FAILED, "kind", "uncertain");
                return new AccessTokenResult.WixUnavailable(Optional.empty());
            }
        });
    }
}
