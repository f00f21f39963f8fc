package dev.wixbridge.event.control;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import dev.wixbridge.platform.persistence.Database;

/**
 * Keeps the feed to {@code wix.events.retention-days} (default 7): at start-up and every quarter
 * hour ({@link EventRetentionSchedule}), on every server (the delete is idempotent), events
 * received longer ago are deleted.
 */
@ApplicationScoped
public class EventRetention {

    public static final String RETENTION_DAYS = "wix.events.retention-days";
    static final int DEFAULT_DAYS = 7;

    private static final Logger LOG = Logger.getLogger(EventRetention.class.getName());

    @Inject
    Database database;

    @Inject
    Config config;

    @Inject
    Clock clock;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        purge();
    }

    void purge() {
        try {
            int purged = purgeOlderThan(retention());
            if (purged > 0) {
                LOG.fine(() -> "Purged " + purged + " events past their retention");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not purge old events; trying again later", e);
        }
    }

    /** Deletes the events received more than {@code retention} ago; returns how many. */
    public int purgeOlderThan(Duration retention) {
        var cutoff = clock.instant().minus(retention).atOffset(ZoneOffset.UTC);
        return database.inTransaction(em -> em.createQuery("DELETE FROM WixEvent e WHERE e.receivedAt < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate());
    }

    Duration retention() {
        int days;
        try {
            days = config.getOptionalValue(RETENTION_DAYS, Integer.class).orElse(DEFAULT_DAYS);
        } catch (IllegalArgumentException notANumber) {
            days = DEFAULT_DAYS;
        }
        if (days < 1) {
            LOG.warning(RETENTION_DAYS + " must be a positive whole number; keeping events " + DEFAULT_DAYS + " days");
            days = DEFAULT_DAYS;
        }
        return Duration.ofDays(days);
    }
}
