package dev.wixbridge.install.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.wixbridge.installation.entity.WixSite;
import dev.wixbridge.install.entity.InstallState;
import dev.wixbridge.install.entity.Refusal;
import dev.wixbridge.platform.metrics.Metrics;
import dev.wixbridge.token.control.AccessTokens;
import dev.wixbridge.token.control.Grant;
import dev.wixbridge.token.control.Grants;

/**
 * Finishes an install at the Redirect URL: verify the state, exchange the code at Wix, confirm
 * with Wix which site the tokens belong to, store the installation.
 *
 * <p>All of it runs in one transaction holding the state's row lock ({@link InstallStates#whileHeld}),
 * so a duplicate callback waits and then finds the state settled: the code is traded once and
 * both browsers see the same outcome. When Wix is unavailable the state stays pending and a
 * reload tries again while the code is still valid.
 */
@ApplicationScoped
public class InstallCompletion {

    private static final Logger LOG = Logger.getLogger(InstallCompletion.class.getName());

    @Inject
    InstallStates states;

    @Inject
    CodeExchange wix;

    @Inject
    Grants grants;

    @Inject
    AccessTokens tokens;

    @Inject
    Metrics metrics;

    @Inject
    Clock clock;

    public CallbackOutcome complete(Callback callback) {
        long started = System.nanoTime();
        CallbackOutcome outcome = states.whileHeld(callback.state(), held -> complete(held, callback));
        String result = outcome.match(new Description());
        if (outcome instanceof CallbackOutcome.Completed) {
            metrics.count("wixbridge.installs.completed");
        } else if (!(outcome instanceof CallbackOutcome.AlreadyInstalled)) {
            metrics.count("wixbridge.installs.failed", "reason", result);
        }
        LOG.info(() -> "event=install_callback instance=" + callback.instanceId() + " outcome=" + result
                + " duration_ms=" + Duration.ofNanos(System.nanoTime() - started).toMillis());
        return outcome;
    }

    private CallbackOutcome complete(Optional<InstallState> held, Callback callback) {
        Instant now = clock.instant();
        return states.check(held, callback, now).match(new StateCheck.Cases<>() {
            @Override
            public CallbackOutcome pending(InstallState state) {
                CallbackOutcome outcome = exchangeConfirmAndStore(callback);
                states.settle(state, callback, outcome, now);
                return outcome;
            }

            @Override
            public CallbackOutcome refused(Refusal refusal) {
                return new CallbackOutcome.Refused(refusal);
            }

            @Override
            public CallbackOutcome completedBefore(boolean sameBrowserLately) {
                if (!sameBrowserLately) {
                    return new CallbackOutcome.AlreadyInstalled();
                }
                // a fresh token from the token service, as any caller gets it; none to be had: no token
                return tokens.accessTokenFor(callback.instanceId()).issued()
                        .<CallbackOutcome>map(issued -> new CallbackOutcome.Completed(callback.instanceId(), issued.accessToken()))
                        .orElseGet(CallbackOutcome.AlreadyInstalled::new);
            }
        });
    }

    /**
     * Never trust the instance id in the URL alone: anyone can edit it to overwrite another
     * site's tokens. Wix tells us which instance the new access token belongs to.
     */
    private CallbackOutcome exchangeConfirmAndStore(Callback callback) {
        return wix.exchange(callback.code()).then(grant ->
                wix.instanceOf(grant.accessToken()).then(site -> site.instanceId().equalsIgnoreCase(callback.instanceId())
                        ? store(callback.instanceId(), grant, site)
                        : mismatch(callback.instanceId(), site.instanceId())));
    }

    private CallbackOutcome store(String instanceId, Grant grant, WixSite site) {
        grants.store(instanceId, grant, site.name());
        return new CallbackOutcome.Completed(instanceId, grant.accessToken());
    }

    private static CallbackOutcome mismatch(String named, String confirmed) {
        LOG.warning("Install refused: the callback named instance " + named
                + " but Wix's tokens belong to instance " + confirmed);
        return new CallbackOutcome.Refused(Refusal.INSTANCE_MISMATCH);
    }

    /** An outcome as the log line and the metric's {@code reason} tag name it. */
    private static final class Description implements CallbackOutcome.Cases<String> {

        @Override
        public String completed(String instanceId, String accessToken) {
            return "completed";
        }

        @Override
        public String refused(Refusal refusal) {
            return refusal.name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String wixUnavailable(boolean unreadableAnswer, Optional<Duration> retryAfter) {
            return "wix_unavailable";
        }

        @Override
        public String misconfigured() {
            return "credentials_refused";
        }

        @Override
        public String alreadyInstalled() {
            return "already_installed";
        }
    }
}
