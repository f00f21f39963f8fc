package dev.wixbridge.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.wixbridge.platform.persistence.Database;

/**
 * Admin logins ended before their time, in the database every server shares: a logout there
 * is a logout everywhere. Kept only until the login would have expired (logouts are rare, so
 * each one also deletes the rows past their time).
 */
@ApplicationScoped
class AdminLogouts {

    @Inject
    Database database;

    @Inject
    Clock clock;

    boolean isLoggedOut(String loginHash) {
        return database.inTransaction(em -> em.find(AdminLogout.class, loginHash) != null);
    }

    void record(String loginHash, Instant expiresAt) {
        database.inTransaction(em -> {
            em.createQuery("DELETE FROM AdminLogout l WHERE l.expiresAt < :now")
                    .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC)).executeUpdate();
            if (em.find(AdminLogout.class, loginHash) == null) {
                em.persist(new AdminLogout(loginHash, expiresAt));
            }
            return null;
        });
    }
}
