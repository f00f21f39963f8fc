package dev.wixbridge.platform.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

/**
 * A row read fresh from the database and locked ({@code SELECT … FOR UPDATE}) until the
 * transaction ends, by a named query that declares the lock as EclipseLink's hint, e.g.
 * {@code @NamedQuery(name = "Installation.locked", query = "… WHERE i.instanceId = :id",
 * hints = @QueryHint(name = QueryHints.PESSIMISTIC_LOCK, value = PessimisticLock.Lock))}.
 *
 * <p>Why not {@code em.find(type, id, PESSIMISTIC_WRITE)}, which means the same: EclipseLink builds
 * and prepares a new query for every locked {@code find} (SQL generated anew each time: a tenth of
 * an install's server CPU in a profile). Nor the named query's JPA {@code lockMode}: EclipseLink
 * applies it to a copy of the query at each execution, which is prepared again (7% of an install's
 * samples). The hint is applied once, when the named query is built, so the query is prepared
 * once per server.
 */
public final class LockedRows {

    private LockedRows() {
    }

    /** @param lockingQuery a named query with one parameter, {@code id}, and a pessimistic lock mode */
    public static <T> Optional<T> find(EntityManager em, String lockingQuery, Class<T> type, Object id) {
        List<T> rows = em.createNamedQuery(lockingQuery, type).setParameter("id", id).getResultList();
        return rows.stream().findFirst();
    }
}
