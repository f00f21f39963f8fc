package dev.wixbridge.installation.control;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import dev.wixbridge.installation.entity.Installation;
import dev.wixbridge.installation.entity.InstallationStatus;
import dev.wixbridge.installation.entity.SealedTokens;
import dev.wixbridge.platform.persistence.Database;
import dev.wixbridge.platform.persistence.LockedRows;

/**
 * Finds, stores, locks and pages installations, each in a transaction of its own, or in the
 * caller's when there is one (see {@link Database#inTransaction}). Changes that make
 * remembered tokens stale are announced as {@link InstallationChanged} once committed.
 */
@ApplicationScoped
public class Installations {

    @Inject
    Database database;

    @Inject
    Event<InstallationChanged> changes;

    @Inject
    Clock clock;

    /** One page of installations and the cursor of the next, empty on the last page. */
    public record Page(List<Installation> items, Optional<PageCursor> next) {
    }

    public Optional<Installation> find(String instanceId) {
        return database.inTransaction(em -> Optional.ofNullable(em.find(Installation.class, instanceId)));
    }

    /**
     * Runs {@code work} on the row, locked ({@code SELECT ... FOR UPDATE}) and read fresh from the
     * database, so another server holding the lock finishes first and we see its work. What
     * {@code work} changes on the installation is committed when it returns.
     */
    public <T> T underLock(String instanceId, Function<Optional<Installation>, T> work) {
        return database.inTransaction(em -> work.apply(locked(em, instanceId)));
    }

    /**
     * Stores a fresh grant for the site: a first install inserts the row, a reinstall updates
     * it in place (the instance id is the key, so a site never has two rows).
     */
    public void storeGrant(String instanceId, SealedTokens tokens, Instant accessTokenExpiresAt, Optional<String> siteName) {
        Instant now = clock.instant();
        database.inTransaction(em -> {
            Installation existing = locked(em, instanceId).orElse(null);
            if (existing == null) {
                Installation installed = Installation.install(instanceId, tokens, accessTokenExpiresAt, now);
                installed.named(siteName);
                em.persist(installed);
            } else {
                existing.reinstall(tokens, accessTokenExpiresAt, now);
                existing.named(siteName);
            }
            announce(instanceId);
            return null;
        });
    }

    /**
     * Stores the site {@code ACTIVE} with the tokens {@code seal} makes from its row as it is
     * (empty when the site is new); true when the row is new. Its own transaction: concurrent
     * calls for one new site store one row, the loser of the insert retrying as an update.
     */
    public boolean storeRegistered(String instanceId, Function<Optional<Installation>, SealedTokens> seal,
                                   Instant accessTokenExpiresAt, Optional<String> siteName) {
        try {
            return register(instanceId, seal, accessTokenExpiresAt, siteName);
        } catch (RuntimeException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            return register(instanceId, seal, accessTokenExpiresAt, siteName);
        }
    }

    private boolean register(String instanceId, Function<Optional<Installation>, SealedTokens> seal, Instant expiresAt,
                             Optional<String> siteName) {
        Instant now = clock.instant();
        return database.inTransaction(em -> {
            Installation existing = locked(em, instanceId).orElse(null);
            SealedTokens tokens = seal.apply(Optional.ofNullable(existing));
            announce(instanceId);
            if (existing == null) {
                Installation installed = Installation.install(instanceId, tokens, expiresAt, now);
                installed.named(siteName);
                em.persist(installed);
                return true;
            }
            existing.reinstall(tokens, expiresAt, now);
            existing.named(siteName);
            return false;
        });
    }

    /**
     * Wix removed the app from the site at {@code removedAt} ({@code AppRemoved}): uninstalled, tokens
     * erased, unless the site was installed again after that (Wix delivers out of order). In the
     * caller's transaction.
     */
    public void removedByWix(String instanceId, Instant removedAt) {
        database.inTransaction(em -> {
            Installation installation = locked(em, instanceId).orElse(null);
            if (installation != null && !installation.installedSince(removedAt)) {
                installation.uninstall(removedAt, clock.instant());
                announce(instanceId);
            }
            return null;
        });
    }

    /**
     * Wix installed the app on the site at {@code installedAt} ({@code AppInstalled}). With
     * {@code register} (apps on Wix's current OAuth) the site is created, or made active again,
     * unless it was removed after that; otherwise nothing changes. In the caller's transaction.
     */
    public void installedByWix(String instanceId, Instant installedAt, boolean register) {
        if (!register) {
            return;
        }
        database.inTransaction(em -> {
            Installation installation = locked(em, instanceId).orElse(null);
            if (installation == null) {
                em.persist(Installation.announced(instanceId, installedAt, clock.instant()));
            } else if (!installation.uninstalledSince(installedAt) && !installation.installedSince(installedAt)) {
                installation.reactivate(installedAt, clock.instant());
                announce(instanceId);
            }
            return null;
        });
    }

    /** Erases every stored refresh token (after a migration to client credentials); returns how many. */
    public int eraseRefreshTokens() {
        return database.inTransaction(em -> em.createQuery(
                        "UPDATE Installation i SET i.refreshTokenSealed = NULL, i.version = i.version + 1"
                                + " WHERE i.refreshTokenSealed IS NOT NULL")
                .executeUpdate());
    }

    /** Forgets the site's tokens and marks it uninstalled; false when no such site is known. */
    public boolean uninstall(String instanceId) {
        return underLock(instanceId, found -> {
            found.ifPresent(installation -> {
                installation.uninstall(clock.instant());
                announce(instanceId);
            });
            return found.isPresent();
        });
    }

    /** How many installations have each status (every status present, zero included). */
    public Map<InstallationStatus, Long> countsByStatus() {
        Map<InstallationStatus, Long> counts = new EnumMap<>(InstallationStatus.class);
        for (InstallationStatus status : InstallationStatus.values()) {
            counts.put(status, 0L);
        }
        database.inTransaction(em -> em.createQuery("SELECT i.status, COUNT(i) FROM Installation i GROUP BY i.status", Object[].class)
                .getResultList()).forEach(row -> counts.put((InstallationStatus) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /** At most {@code limit} installations in instance-id order, from {@code from} on, optionally of one status. */
    public Page page(Optional<PageCursor> from, Optional<InstallationStatus> status, int limit) {
        String jpql = "SELECT i FROM Installation i WHERE 1 = 1"
                + (from.isPresent() ? " AND i.instanceId > :after" : "")
                + (status.isPresent() ? " AND i.status = :status" : "")
                + " ORDER BY i.instanceId";
        List<Installation> rows = database.inTransaction(em -> {
            TypedQuery<Installation> query = em.createQuery(jpql, Installation.class).setMaxResults(limit + 1);
            from.ifPresent(cursor -> query.setParameter("after", cursor.afterInstanceId()));
            status.ifPresent(value -> query.setParameter("status", value));
            return query.getResultList();
        });
        if (rows.size() <= limit) {
            return new Page(rows, Optional.empty());
        }
        List<Installation> items = rows.subList(0, limit);
        return new Page(List.copyOf(items), Optional.of(new PageCursor(items.get(limit - 1).instanceId())));
    }

    /** Instance ids of rows sealed under another key than {@code keyId}, in order, a batch at a time. */
    public List<String> sealedUnderOtherKey(String keyId, Optional<String> after, int limit) {
        return database.inTransaction(em -> em.createQuery("SELECT i.instanceId FROM Installation i"
                        + " WHERE i.tokenKeyId IS NOT NULL AND i.tokenKeyId <> :keyId AND i.instanceId > :after"
                        + " ORDER BY i.instanceId", String.class)
                .setParameter("keyId", keyId)
                .setParameter("after", after.orElse(""))
                .setMaxResults(limit)
                .getResultList());
    }

    /** A unique key violated (SQL state class 23): another server or thread inserted the row first. */
    private static boolean isDuplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Installation> locked(EntityManager em, String instanceId) {
        return LockedRows.find(em, Installation.LOCKED, Installation.class, instanceId);
    }

    private void announce(String instanceId) {
        database.afterCommit(() -> changes.fire(new InstallationChanged(instanceId)));
    }
}
