package dev.wixbridge.installation.control;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import dev.wixbridge.installation.entity.Installation;

/** Finds and stores installations; callers own the transaction. */
@ApplicationScoped
public class Installations {

    /**
     * Stores a fresh grant for the site: a first install inserts the row, a reinstall updates
     * it in place (the instance id is the key, so a site never has two rows).
     */
    public Installation storeGrant(EntityManager em, String instanceId, String refreshToken, String accessToken,
                                   Instant accessTokenExpiresAt, Instant now) {
        Installation existing = em.find(Installation.class, instanceId, LockModeType.PESSIMISTIC_WRITE);
        if (existing == null) {
            Installation installation = Installation.install(instanceId, refreshToken, accessToken, accessTokenExpiresAt, now);
            em.persist(installation);
            return installation;
        }
        existing.reinstall(refreshToken, accessToken, accessTokenExpiresAt, now);
        return existing;
    }

    public Installation find(EntityManager em, String instanceId) {
        return em.find(Installation.class, instanceId);
    }
}
