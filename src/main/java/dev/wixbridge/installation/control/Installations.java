package dev.wixbridge.installation.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import dev.wixbridge.installation.entity.Installation;
import dev.wixbridge.installation.entity.InstallationStatus;
import dev.wixbridge.installation.entity.SealedTokens;

/** Finds and stores installations; callers own the transaction. */
@ApplicationScoped
public class Installations {

    /**
     * Stores a fresh grant for the site: a first install inserts the row, a reinstall updates
     * it in place (the instance id is the key, so a site never has two rows).
     */
    public Installation storeGrant(EntityManager em, String instanceId, SealedTokens tokens,
                                   Instant accessTokenExpiresAt, Instant now) {
        Installation existing = lock(em, instanceId);
        if (existing == null) {
            Installation installation = Installation.install(instanceId, tokens, accessTokenExpiresAt, now);
            em.persist(installation);
            return installation;
        }
        existing.reinstall(tokens, accessTokenExpiresAt, now);
        return existing;
    }

    public Installation find(EntityManager em, String instanceId) {
        return em.find(Installation.class, instanceId);
    }

    /**
     * The row, locked for this transaction ({@code SELECT ... FOR UPDATE}) and read fresh
     * from the database: another server holding the lock finishes first, and we see its work.
     */
    public Installation lock(EntityManager em, String instanceId) {
        return em.find(Installation.class, instanceId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** One page in instance-id order, after {@code after} when given, at most {@code limit} rows. */
    public List<Installation> page(EntityManager em, Optional<String> after, Optional<InstallationStatus> status, int limit) {
        String jpql = "SELECT i FROM Installation i WHERE 1 = 1"
                + (after.isPresent() ? " AND i.instanceId > :after" : "")
                + (status.isPresent() ? " AND i.status = :status" : "")
                + " ORDER BY i.instanceId";
        TypedQuery<Installation> query = em.createQuery(jpql, Installation.class).setMaxResults(limit);
        after.ifPresent(value -> query.setParameter("after", value));
        status.ifPresent(value -> query.setParameter("status", value));
        return query.getResultList();
    }

    /** Instance ids of rows sealed under another key than {@code keyId}, in order, a batch at a time. */
    public List<String> sealedUnderOtherKey(EntityManager em, String keyId, Optional<String> after, int limit) {
        return em.createQuery("SELECT i.instanceId FROM Installation i WHERE i.tokenKeyId IS NOT NULL"
                        + " AND i.tokenKeyId <> :keyId AND i.instanceId > :after ORDER BY i.instanceId", String.class)
                .setParameter("keyId", keyId)
                .setParameter("after", after.orElse(""))
                .setMaxResults(limit)
                .getResultList();
    }
}
