package dev.wixbridge.install.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import dev.wixbridge.install.entity.InstallState;
import dev.wixbridge.install.entity.InstallStateStatus;
import dev.wixbridge.installation.control.Installations;
import dev.wixbridge.installation.entity.Installation;
import dev.wixbridge.platform.config.WixSettings;
import dev.wixbridge.platform.metrics.ProductMetrics;
import dev.wixbridge.platform.persistence.Database;
import dev.wixbridge.platform.security.SecureTokens;
import dev.wixbridge.token.control.AccessTokens;
import dev.wixbridge.token.control.TokenCipher;
import dev.wixbridge.wix.Grant;
import dev.wixbridge.wix.InstanceLookup;
import dev.wixbridge.wix.TokenExchange;
import dev.wixbridge.wix.WixInstances;
import dev.wixbridge.wix.WixOAuth;
import dev.wixbridge.wix.WixOutage;

/**
 * Finishes an install at the Redirect URL: verifies the state, trades the code at Wix,
 * confirms with Wix which site the tokens belong to, and stores the installation.
 *
 * <p>All of it runs in one transaction holding the state's row lock. A duplicate callback
 * (reload, double click, second tab, another server) waits on that lock and then finds the
 * state completed, so the code is traded once and both browsers see the same outcome. When
 * Wix is unavailable the transaction rolls back: the state stays pending and a reload
 * tries again while the code is still valid.
 */
@ApplicationScoped
public class InstallCompletion {

    private static final Logger LOG = Logger.getLogger(InstallCompletion.class.getName());

    @Inject
    Database database;

    @Inject
    Installations installations;

    @Inject
    TokenCipher cipher;

    @Inject
    AccessTokens accessTokens;

    @Inject
    WixOAuth oauth;

    @Inject
    WixInstances instances;

    @Inject
    WixSettings settings;

    @Inject
    ProductMetrics metrics;

    @Inject
    Clock clock;

    /**
     * @param browserId the browser's install cookie, empty if the browser sent none
     */
    public CallbackOutcome complete(String state, String code, String instanceId, Optional<String> browserId) {
        long started = System.nanoTime();
        CallbackOutcome outcome = database.inTransaction(em -> {
            CallbackOutcome result = complete(em, state, code, instanceId, browserId);
            if (result instanceof CallbackOutcome.WixUnavailable || result instanceof CallbackOutcome.Misconfigured) {
                em.getTransaction().setRollbackOnly();
            }
            return result;
        });
        if (outcome instanceof CallbackOutcome.Completed) {
            // A reinstall brings new tokens: what this server remembered of the site is stale.
            accessTokens.forget(instanceId);
            metrics.installCompleted();
        } else {
            metrics.installFailed(failureReason(outcome));
        }
        log(instanceId, outcome, Duration.ofNanos(System.nanoTime() - started));
        return outcome;
    }

    private CallbackOutcome complete(EntityManager em, String state, String code, String instanceId,
                                     Optional<String> browserId) {
        Instant now = clock.instant();
        InstallState installState = em.find(InstallState.class, SecureTokens.fingerprint(state), LockModeType.PESSIMISTIC_WRITE);
        if (installState == null) {
            return new CallbackOutcome.Refused(Refusal.STATE_UNKNOWN);
        }
        if (!isSameBrowser(installState, browserId)) {
            return new CallbackOutcome.Refused(Refusal.STATE_FROM_OTHER_BROWSER);
        }
        String codeHash = SecureTokens.fingerprint(code);
        if (installState.status() != InstallStateStatus.PENDING) {
            return repeatedCallback(em, installState, codeHash, instanceId);
        }
        if (installState.hasExpiredAt(now)) {
            return new CallbackOutcome.Refused(Refusal.STATE_EXPIRED);
        }
        TokenExchange exchange = oauth.exchangeCode(code);
        if (exchange instanceof TokenExchange.Granted granted) {
            return confirmAndStore(em, installState, codeHash, instanceId, granted.grant(), now);
        }
        if (exchange instanceof TokenExchange.Rejected rejected) {
            if (rejected.rejection() == TokenExchange.Rejection.CLIENT_REFUSED) {
                return new CallbackOutcome.Misconfigured();
            }
            return refuse(installState, codeHash, instanceId, Refusal.CODE_REJECTED, now);
        }
        return new CallbackOutcome.WixUnavailable(((TokenExchange.Unavailable) exchange).outage());
    }

    /**
     * Never trust the instance id in the URL alone: anyone can edit it to overwrite another
     * site's tokens. Wix tells us which instance the new access token belongs to.
     */
    private CallbackOutcome confirmAndStore(EntityManager em, InstallState installState, String codeHash,
                                            String instanceId, Grant grant, Instant now) {
        InstanceLookup lookup = instances.instanceOf(grant.accessToken());
        if (lookup instanceof InstanceLookup.Found found) {
            if (!found.instanceId().equalsIgnoreCase(instanceId)) {
                LOG.warning("Install refused: the callback named instance " + instanceId
                        + " but Wix's tokens belong to instance " + found.instanceId());
                return refuse(installState, codeHash, instanceId, Refusal.INSTANCE_MISMATCH, now);
            }
            installations.storeGrant(em, instanceId, cipher.seal(instanceId, grant), grant.accessTokenExpiresAt(), now);
            installState.complete(codeHash, instanceId, now);
            return new CallbackOutcome.Completed(instanceId, grant.accessToken());
        }
        if (lookup instanceof InstanceLookup.Unavailable unavailable) {
            return new CallbackOutcome.WixUnavailable(unavailable.outage());
        }
        // Wix refused the token it has just granted: nothing we can confirm, nothing we store.
        return new CallbackOutcome.WixUnavailable(new WixOutage(WixOutage.Kind.MALFORMED, Optional.empty()));
    }

    /** A callback for a state that is already finished: the same URL again gets the same outcome. */
    private CallbackOutcome repeatedCallback(EntityManager em, InstallState installState, String codeHash, String instanceId) {
        if (!installState.wasFinishedBy(codeHash, instanceId)) {
            return new CallbackOutcome.Refused(Refusal.STATE_ALREADY_USED);
        }
        if (installState.status() == InstallStateStatus.REFUSED) {
            return new CallbackOutcome.Refused(Refusal.valueOf(installState.refusal()));
        }
        Installation installation = installations.find(em, instanceId);
        String accessToken = installation == null ? null : installation.sealedTokens()
                .map(sealed -> cipher.openAccessToken(instanceId, sealed)).orElse(null);
        if (accessToken == null) {
            return new CallbackOutcome.Refused(Refusal.STATE_ALREADY_USED);
        }
        return new CallbackOutcome.Completed(instanceId, accessToken);
    }

    private static CallbackOutcome refuse(InstallState installState, String codeHash, String instanceId,
                                          Refusal refusal, Instant now) {
        installState.refuse(codeHash, instanceId, refusal.name(), now);
        return new CallbackOutcome.Refused(refusal);
    }

    private boolean isSameBrowser(InstallState installState, Optional<String> browserId) {
        if (browserId.isEmpty()) {
            return !settings.browserBindingRequired();
        }
        return installState.isBoundTo(SecureTokens.fingerprint(browserId.get()));
    }

    /** One key=value line per callback: what happened, for which site, how long it took. */
    private static void log(String instanceId, CallbackOutcome outcome, Duration took) {
        LOG.info(() -> "event=install_callback instance=" + instanceId + " outcome=" + describe(outcome)
                + " duration_ms=" + took.toMillis());
    }

    private static String failureReason(CallbackOutcome outcome) {
        if (outcome instanceof CallbackOutcome.Refused refused) {
            return refused.refusal().name().toLowerCase(java.util.Locale.ROOT);
        }
        return outcome instanceof CallbackOutcome.WixUnavailable ? "wix_unavailable" : "credentials_refused";
    }

    private static String describe(CallbackOutcome outcome) {
        return outcome instanceof CallbackOutcome.Completed ? "completed" : failureReason(outcome);
    }
}
