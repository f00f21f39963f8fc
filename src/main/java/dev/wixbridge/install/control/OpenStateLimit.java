package dev.wixbridge.install.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import dev.wixbridge.install.entity.InstallState;
import dev.wixbridge.install.entity.InstallStateStatus;
import dev.wixbridge.platform.persistence.Database;

/**
 * The bound on open install states ({@value #MAX_OPEN_STATES}, default 100000): anyone may load
 * the App URL, and each load stores a state for ten minutes. Beyond the bound the App URL answers
 * "try again shortly" and stores nothing.
 *
 * <p>The states are counted in the database (every server's count), at most once a second per
 * server, by one request while the others use the last count plus what this server issued since.
 */
@ApplicationScoped
public class OpenStateLimit {

    public static final String MAX_OPEN_STATES = "wix.install.max-open-states";

    static final long DEFAULT_MAX_OPEN_STATES = 100_000;

    private static final Logger LOG = Logger.getLogger(OpenStateLimit.class.getName());
    private static final Duration RECOUNT_AFTER = Duration.ofSeconds(1);
    private static final Duration WARN_AT_MOST_EVERY = Duration.ofMinutes(1);

    @Inject
    Database database;

    @Inject
    Config config;

    @Inject
    Clock clock;

    private final ReentrantLock recounting = new ReentrantLock();
    private volatile Count counted = new Count(Instant.EPOCH, 0);
    private final AtomicLong issuedSinceCount = new AtomicLong();
    private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.EPOCH);

    /** Whether one more state may be issued now. */
    public boolean admitsAnother() {
        Instant now = clock.instant();
        Count count = counted;
        if (now.isAfter(count.at().plus(RECOUNT_AFTER)) && recounting.tryLock()) {
            try {
                count = recount(now);
            } finally {
                recounting.unlock();
            }
        }
        long max = max();
        boolean admits = count.open() + issuedSinceCount.get() < max;
        if (!admits) {
            warnNowAndThen(now, max);
        }
        return admits;
    }

    /** Counts a state this server has just issued, until the next count sees it. */
    public void issued() {
        issuedSinceCount.incrementAndGet();
    }

    private Count recount(Instant now) {
        // reset first: a state issued while the query runs is counted twice rather than not at all
        issuedSinceCount.set(0);
        long open = database.inTransaction(em -> em.createQuery(
                        "SELECT COUNT(s) FROM InstallState s WHERE s.status IN :open AND s.expiresAt > :now", Long.class)
                .setParameter("open", List.of(InstallStateStatus.PENDING, InstallStateStatus.EXCHANGING))
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .getSingleResult());
        Count count = new Count(now, open);
        counted = count;
        return count;
    }

    private long max() {
        try {
            long max = config.getOptionalValue(MAX_OPEN_STATES, Long.class).orElse(DEFAULT_MAX_OPEN_STATES);
            if (max > 0) {
                return max;
            }
        } catch (IllegalArgumentException notANumber) {
            // reported below
        }
        LOG.severe(() -> "Configuration problem: " + MAX_OPEN_STATES + " must be a positive whole number; using "
                + DEFAULT_MAX_OPEN_STATES);
        return DEFAULT_MAX_OPEN_STATES;
    }

    private void warnNowAndThen(Instant now, long max) {
        Instant last = lastWarning.get();
        if (now.isAfter(last.plus(WARN_AT_MOST_EVERY)) && lastWarning.compareAndSet(last, now)) {
            LOG.warning(() -> "More than " + max + " installs are open (" + MAX_OPEN_STATES
                    + "): the App URL answers 503 until some finish or expire; many anonymous loads of /install?");
        }
    }

    private record Count(Instant at, long open) {
    }
}
