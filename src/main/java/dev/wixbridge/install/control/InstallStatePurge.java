package dev.wixbridge.install.control;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Keeps the state table small: every minute, on every server (the delete is idempotent), states
 * past their retention go ({@link InstallStates#RETENTION}).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the purge runs its own local transaction
public class InstallStatePurge {

    private static final Logger LOG = Logger.getLogger(InstallStatePurge.class.getName());

    @Inject
    InstallStates states;

    @Schedule(hour = "*", minute = "*", persistent = false)
    void purge() {
        try {
            int purged = states.purge();
            if (purged > 0) {
                LOG.fine(() -> "Purged " + purged + " old install states");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not purge old install states; trying again later", e);
        }
    }
}
