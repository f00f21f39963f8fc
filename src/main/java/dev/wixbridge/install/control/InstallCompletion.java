package dev.wixbridge.install.control;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

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
 * <p>Nothing holds a database connection or lock while Wix is asked: the state is claimed in one
 * short transaction ({@link InstallStates#claim}), Wix is asked (at most {@link InstallBulkheads}'
 * bound of installs at once), and the installation and the state's outcome are written in another
 * ({@link InstallStates#finish}). A duplicate callback arriving meanwhile waits for that outcome
 * without a connection, and gets the same: the code is traded once. When Wix is unavailable the state is
 * pending again and a reload tries again while the code is still valid.
 */
@ApplicationScoped
public class InstallCompletion {

    private static final Logger LOG = Logger.getLogger(InstallCompletion.class.getName());

    /** A duplicate waits this long at most: longer than the exchange's two calls to Wix take before they give up. */
    private static final Duration DUPLICATE_WAIT = Duration.ofSeconds(30);

    @Inject
    InstallStates states;

    @Inject
    CodeExchange wix;

    @Inject
    Grants grants;

    @Inject
    AccessTokens tokens;

    @Inject
    InstallBulkheads bulkheads;

    @Inject
    Metrics metrics;

    public CallbackOutcome complete(Callback callback) {
        long started = System.nanoTime();
        CallbackOutcome outcome = states.claim(callback).match(new Completion(callback));
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

    /** What each way a callback can stand with its state leads to. */
    private final class Completion implements StateCheck.Cases<CallbackOutcome> {

        private final Callback callback;

        Completion(Callback callback) {
            this.callback = callback;
        }

        /** Claimed for this callback: ask Wix (no transaction open), then write the installation and the outcome. */
        @Override
        public CallbackOutcome pending(InstallState state) {
            Reply<Confirmed> confirmed;
            try {
                confirmed = bulkheads.exchange(() -> exchangeAndConfirm(callback));
            } catch (BulkheadException full) {
                confirmed = new Reply.Failed<>(new CallbackOutcome.TryAgainShortly(false));
            }
            Reply<Confirmed> answer = confirmed;
            CallbackOutcome outcome = answer.then(ok -> new CallbackOutcome.Completed(callback.instanceId(), ok.grant().accessToken()));
            states.finish(callback, outcome, () -> answer.ifOk(ok -> grants.store(callback.instanceId(), ok.grant(), ok.site().name())));
            return outcome;
        }

        /**
         * A duplicate waits for the outcome of the callback being finished and then gets the same
         * (the same browser, since the state checked its cookie). A claim released meanwhile, or
         * still open after the wait: reloading tries again.
         */
        @Override
        public CallbackOutcome inProgress() {
            try {
                StateCheck finished = bulkheads.awaitDuplicate(() -> states.awaitFinished(callback, DUPLICATE_WAIT));
                if (finished instanceof StateCheck.Pending || finished instanceof StateCheck.InProgress) {
                    return new CallbackOutcome.TryAgainShortly(true);
                }
                return finished.match(this);
            } catch (BulkheadException full) {
                return new CallbackOutcome.TryAgainShortly(true);
            }
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
    }

    /** The site's tokens, and Wix's word that they belong to the site the callback named. */
    private record Confirmed(Grant grant, WixSite site) {
    }

    /**
     * Never trust the instance id in the URL alone: anyone can edit it to overwrite another
     * site's tokens. Wix tells us which instance the new access token belongs to.
     */
    private Reply<Confirmed> exchangeAndConfirm(Callback callback) {
        return wix.exchange(callback.code()).andThen(grant ->
                wix.instanceOf(grant.accessToken()).andThen(site -> site.instanceId().equalsIgnoreCase(callback.instanceId())
                        ? new Reply.Ok<>(new Confirmed(grant, site))
                        : new Reply.Failed<>(mismatch(callback.instanceId(), site.instanceId()))));
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

        @Override
        public String tryAgainShortly(boolean inProgress) {
            return inProgress ? "in_progress" : "busy";
        }
    }
}
