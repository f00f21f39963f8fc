package dev.wixbridge.event.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Every quarter hour, the feed's retention (see {@link EventRetention}). */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the purge runs its own local transaction
public class EventRetentionSchedule {

    @Inject
    EventRetention retention;

    @Schedule(hour = "*", minute = "*/15", persistent = false)
    void purge() {
        retention.purge();
    }
}
