package dev.wixbridge.event.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;

import dev.wixbridge.event.entity.WixEvent;
import dev.wixbridge.platform.persistence.Database;

/**
 * The events, oldest first, for the team's other software. Read after a cursor on the feed's
 * number, which events receive in commit order (see {@code EventSequence}): a consumer that keeps
 * {@code next} sees every event exactly once. A long poll holds no database connection while it
 * waits.
 */
@ApplicationScoped
public class EventFeed {

    /** How often a waiting poll reads again, for events another server stored. */
    static final Duration RECHECK = Duration.ofMillis(500);

    @Inject
    Database database;

    @Inject
    EventSignal signal;

    /** One page, and the cursor to ask with next (the same one when nothing came). */
    public record Page(List<WixEvent> items, EventCursor next) {
    }

    /** A page filter: empty values match everything. */
    public record Filter(Optional<String> eventType, Optional<String> instanceId) {
    }

    /** Events after {@code after}; when there are none, waits up to {@code wait} for one. */
    public Page read(EventCursor after, int limit, Filter filter, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long seen = signal.arrivals();
            List<WixEvent> items = query(after, limit, filter);
            long left = deadline - System.nanoTime();
            if (!items.isEmpty() || left <= 0) {
                return new Page(items, items.isEmpty() ? after : new EventCursor(items.get(items.size() - 1).seq()));
            }
            signal.awaitAfter(seen, Math.min(RECHECK.toMillis(), Math.max(1, left / 1_000_000)));
        }
    }

    /** The latest {@code perSite} events of each site, newest first (for the admin page). */
    public Map<String, List<WixEvent>> latestOf(Collection<String> instanceIds, int perSite) {
        if (instanceIds.isEmpty()) {
            return Map.of();
        }
        List<WixEvent> newestFirst = database.inTransaction(em -> em.createQuery(
                        "SELECT e FROM WixEvent e WHERE e.instanceId IN :ids ORDER BY e.seq DESC", WixEvent.class)
                .setParameter("ids", List.copyOf(instanceIds))
                .setMaxResults(instanceIds.size() * perSite * 4)
                .getResultList());
        Map<String, List<WixEvent>> latest = new HashMap<>();
        for (WixEvent event : newestFirst) {
            List<WixEvent> ofSite = latest.computeIfAbsent(event.instanceId(), id -> new ArrayList<>());
            if (ofSite.size() < perSite) {
                ofSite.add(event);
            }
        }
        return latest;
    }

    private List<WixEvent> query(EventCursor after, int limit, Filter filter) {
        String jpql = "SELECT e FROM WixEvent e WHERE e.seq > :after"
                + (filter.eventType().isPresent() ? " AND e.eventType = :type" : "")
                + (filter.instanceId().isPresent() ? " AND e.instanceId = :instance" : "")
                + " ORDER BY e.seq";
        return database.inTransaction(em -> {
            TypedQuery<WixEvent> query = em.createQuery(jpql, WixEvent.class).setParameter("after", after.seq())
                    .setMaxResults(limit);
            filter.eventType().ifPresent(type -> query.setParameter("type", type));
            filter.instanceId().ifPresent(id -> query.setParameter("instance", id));
            return query.getResultList();
        });
    }
}
