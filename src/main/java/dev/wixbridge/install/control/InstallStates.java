package dev.wixbridge.install.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.config.Config;

import dev.wixbridge.install.entity.InstallState;
import dev.wixbridge.install.entity.InstallStateStatus;
import dev.wixbridge.install.entity.Refusal;
import dev.wixbridge.platform.persistence.Database;
import dev.wixbridge.platform.security.SecureTokens;

/**
 * Where the install's {@code state} is issued, held and checked: issued at the App URL (only its
 * fingerprint is stored), locked for the whole of one callback, checked against the callback,
 * settled with the callback's outcome, and forgotten after a while.
 */
@ApplicationScoped
public class InstallStates {

    /** Wix's authorization code lives ten minutes; a state need not outlive it. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    /** How long after finishing an install its browser may reload the link and get a token again. */
    public static final Duration RELOAD_WINDOW = Duration.ofMinutes(10);

    /** Finished and expired states are kept a day, so a late reload still finds its outcome. */
    static final Duration RETENTION = Duration.ofDays(1);

    /**
     * {@code required} (the default): a callback must carry the install cookie of the browser
     * that opened the App URL. {@code if-present}: one without the cookie is accepted (one with
     * another browser's cookie never is).
     */
    public static final String BROWSER_BINDING = "wix.install.browser-binding";

    @Inject
    Database database;

    @Inject
    Config config;

    @Inject
    Clock clock;

    /**
     * A new state for the browser identified by {@code browserId}. One browser may have several
     * installs in flight, each with its own state.
     */
    public String issue(String browserId) {
        String state = SecureTokens.newToken();
        Instant now = clock.instant();
        database.inTransaction(em -> {
            em.persist(InstallState.issue(SecureTokens.fingerprint(state), SecureTokens.fingerprint(browserId), now, LIFETIME));
            return null;
        });
        return state;
    }

    /**
     * Runs {@code work} in one transaction holding the state's row lock (empty when we never
     * issued it). A duplicate callback (reload, double click, second tab, another server) waits
     * on that lock and then finds the state settled, so a code is traded once.
     */
    public <T> T whileHeld(String state, Function<Optional<InstallState>, T> work) {
        return database.inTransaction(em -> work.apply(Optional.ofNullable(
                em.find(InstallState.class, SecureTokens.fingerprint(state), LockModeType.PESSIMISTIC_WRITE))));
    }

    /** Whether the callback may trade its code, must be refused, or repeats one that completed. */
    public StateCheck check(Optional<InstallState> held, Callback callback, Instant now) {
        if (held.isEmpty()) {
            return new StateCheck.Refused(Refusal.STATE_UNKNOWN);
        }
        InstallState state = held.get();
        if (!isSameBrowser(state, callback.browserId())) {
            return new StateCheck.Refused(Refusal.STATE_FROM_OTHER_BROWSER);
        }
        if (state.status() != InstallStateStatus.PENDING) {
            if (!state.wasFinishedBy(SecureTokens.fingerprint(callback.code()), callback.instanceId())) {
                return new StateCheck.Refused(Refusal.STATE_ALREADY_USED);
            }
            // A finished link hands out a token only to the browser that finished it, and only lately:
            // the link may also be in the browser's history or a proxy's log, where anyone may read it.
            boolean sameBrowserLately = callback.browserId().filter(id -> state.isBoundTo(SecureTokens.fingerprint(id))).isPresent()
                    && state.finishedAfter(now.minus(RELOAD_WINDOW));
            return state.refusal().<StateCheck>map(StateCheck.Refused::new)
                    .orElseGet(() -> new StateCheck.CompletedBefore(sameBrowserLately));
        }
        if (state.hasExpiredAt(now)) {
            return new StateCheck.Refused(Refusal.STATE_EXPIRED);
        }
        return new StateCheck.Pending(state);
    }

    /**
     * Records how the callback ended, so the same callback loaded again gets the same outcome.
     * An outcome that is neither a completion nor a refusal leaves the state pending: a reload
     * tries again while the code is still valid.
     */
    public void settle(InstallState state, Callback callback, CallbackOutcome outcome, Instant now) {
        String codeHash = SecureTokens.fingerprint(callback.code());
        outcome.refusal().ifPresent(refusal -> state.refuse(codeHash, callback.instanceId(), refusal, now));
        if (outcome instanceof CallbackOutcome.Completed) {
            state.complete(codeHash, callback.instanceId(), now);
        }
    }

    /** Deletes states that expired more than {@link #RETENTION} ago; returns how many. */
    public int purge() {
        var cutoff = clock.instant().minus(RETENTION).atOffset(ZoneOffset.UTC);
        return database.inTransaction(em -> em.createQuery("DELETE FROM InstallState s WHERE s.expiresAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate());
    }

    private boolean isSameBrowser(InstallState state, Optional<String> browserId) {
        if (browserId.isEmpty()) {
            return "if-present".equals(config.getOptionalValue(BROWSER_BINDING, String.class).map(String::strip).orElse(""));
        }
        return state.isBoundTo(SecureTokens.fingerprint(browserId.get()));
    }
}
