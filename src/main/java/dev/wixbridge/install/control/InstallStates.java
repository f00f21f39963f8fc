package dev.wixbridge.install.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.Config;

import dev.wixbridge.install.entity.InstallState;
import dev.wixbridge.install.entity.InstallStateStatus;
import dev.wixbridge.install.entity.Refusal;
import dev.wixbridge.platform.persistence.Database;
import dev.wixbridge.platform.persistence.LockedRows;
import dev.wixbridge.platform.security.SecureTokens;

/**
 * Where the install's {@code state} is issued, claimed and checked: issued at the App URL (only its
 * fingerprint is stored), checked against the callback and claimed for its exchange, finished with
 * the callback's outcome, and purged minutes after it expired.
 */
@ApplicationScoped
public class InstallStates {

    /** Wix's authorization code lives ten minutes; a state need not outlive it. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    /** How long after finishing an install its browser may reload the link and get a token again. */
    public static final Duration RELOAD_WINDOW = Duration.ofMinutes(10);

    /**
     * A claim older than this was left by a server that went away mid-exchange (the exchange's two
     * calls to Wix give up well within it): a reload takes it over, and Wix says whether the code still works.
     */
    static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(2);

    /**
     * A state is kept this long past its expiry, then purged: long enough for a reload within
     * {@link #RELOAD_WINDOW} of finishing (an install is claimed before its state expires and
     * finished within {@link #CLAIM_TIMEOUT}), and for a late click to hear that its link expired
     * rather than that it is unknown.
     */
    static final Duration RETENTION = RELOAD_WINDOW.plus(CLAIM_TIMEOUT);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

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
    OpenStateLimit openStates;

    @Inject
    Clock clock;

    /**
     * A new state for the browser identified by {@code browserId}; empty while too many are open
     * ({@link OpenStateLimit}). One browser may have several installs in flight, each with its own state.
     */
    public Optional<String> issue(String browserId) {
        if (!openStates.admitsAnother()) {
            return Optional.empty();
        }
        String state = SecureTokens.newToken();
        Instant now = clock.instant();
        database.inTransaction(em -> {
            em.persist(InstallState.issue(SecureTokens.fingerprint(state), SecureTokens.fingerprint(browserId), now, LIFETIME));
            return null;
        });
        openStates.issued();
        return Optional.of(state);
    }

    /**
     * Checks the callback against its state and, when the code may be traded, claims the state
     * for it: one short transaction holding the state's row lock, committed before anyone asks
     * Wix. A duplicate callback (reload, double click, second tab, another server) then finds the
     * claim and waits for its outcome ({@link #awaitFinished}), so a code is traded once and
     * nothing waits on Wix with a database connection.
     */
    public StateCheck claim(Callback callback) {
        Instant now = clock.instant();
        return database.inTransaction(em -> {
            Optional<InstallState> held = locked(em, callback);
            StateCheck check = check(held, callback, now);
            if (check instanceof StateCheck.Pending) {
                held.get().claim(SecureTokens.fingerprint(callback.code()), callback.instanceId(), now);
            }
            return check;
        });
    }

    /**
     * For a duplicate of a callback being finished elsewhere: how the callback stands once its
     * claim is finished, or after {@code wait} at most. Reads the state every 100 ms, each time in a
     * short transaction without a lock, so the wait holds no connection.
     */
    public StateCheck awaitFinished(Callback callback, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        String stateHash = SecureTokens.fingerprint(callback.state());
        StateCheck check = new StateCheck.InProgress();
        while (check instanceof StateCheck.InProgress && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Instant now = clock.instant();
            check = database.inTransaction(em -> check(Optional.ofNullable(em.find(InstallState.class, stateHash)), callback, now));
        }
        return check;
    }

    /**
     * Ends the claim with the outcome of the exchange, in one short transaction that also runs
     * {@code store} (storing the installation): the install and its state are written together.
     * The state's row is locked before {@code store} runs, so that nothing is written before the
     * last query and every change goes to the database once, at commit (a query after a change
     * makes EclipseLink flush first).
     */
    public void finish(Callback callback, CallbackOutcome outcome, Runnable store) {
        Instant now = clock.instant();
        database.inTransaction(em -> {
            Optional<InstallState> held = locked(em, callback);
            store.run();
            held.filter(state -> state.status() == InstallStateStatus.EXCHANGING)
                    .filter(state -> state.wasFinishedBy(SecureTokens.fingerprint(callback.code()), callback.instanceId()))
                    .ifPresent(state -> settle(state, callback, outcome, now));
            return null;
        });
    }

    private static Optional<InstallState> locked(EntityManager em, Callback callback) {
        return LockedRows.find(em, InstallState.LOCKED, InstallState.class, SecureTokens.fingerprint(callback.state()));
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
        if (state.status() == InstallStateStatus.EXCHANGING) {
            if (!state.wasFinishedBy(SecureTokens.fingerprint(callback.code()), callback.instanceId())) {
                return new StateCheck.Refused(Refusal.STATE_ALREADY_USED);
            }
            if (!state.claimedBefore(now.minus(CLAIM_TIMEOUT))) {
                return new StateCheck.InProgress();
            }
            // else the claim was left behind: this callback takes it over, if the state is still in time
        }
        if (state.status() == InstallStateStatus.COMPLETED || state.status() == InstallStateStatus.REFUSED) {
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
     * An outcome that is neither a completion nor a refusal makes the state pending again: a
     * reload tries again while the code is still valid.
     */
    void settle(InstallState state, Callback callback, CallbackOutcome outcome, Instant now) {
        String codeHash = SecureTokens.fingerprint(callback.code());
        if (outcome instanceof CallbackOutcome.Completed) {
            state.complete(codeHash, callback.instanceId(), now);
        } else if (outcome.refusal().isPresent()) {
            state.refuse(codeHash, callback.instanceId(), outcome.refusal().get(), now);
        } else {
            state.release();
        }
    }

    /** Deletes states that expired more than {@link #RETENTION} ago, finished or not; returns how many. */
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
