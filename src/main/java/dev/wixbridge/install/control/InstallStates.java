package dev.wixbridge.install.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.wixbridge.install.entity.InstallState;
import dev.wixbridge.platform.persistence.Database;
import dev.wixbridge.platform.security.SecureTokens;

/** Issues the {@code state} of an install and forgets old ones. */
@ApplicationScoped
public class InstallStates {

    /** Wix's authorization code lives ten minutes; a state need not outlive it. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    /** Finished and expired states are kept a day, so a late reload still finds its outcome. */
    static final Duration RETENTION = Duration.ofDays(1);

    @Inject
    Database database;

    @Inject
    Clock clock;

    /**
     * A new state for the browser identified by {@code browserId}; only its fingerprint is
     * stored. One browser may have several installs in flight, each with its own state.
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

    /** Deletes states that expired more than {@link #RETENTION} ago; returns how many. */
    public int purge() {
        var cutoff = clock.instant().minus(RETENTION).atOffset(ZoneOffset.UTC);
        return database.inTransaction(em -> em.createQuery("DELETE FROM InstallState s WHERE s.expiresAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate());
    }
}
