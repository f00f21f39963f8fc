package dev.wixbridge.event.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;

import org.eclipse.persistence.config.PessimisticLock;
import org.eclipse.persistence.config.QueryHints;

/**
 * The feed's counter: one row, locked by whoever stores an event until that transaction ends,
 * so events commit in the order of their numbers (see V2__webhook_events.sql).
 */
@Entity
@Table(name = "event_sequence")
@NamedQuery(name = EventSequence.LOCKED, query = "SELECT s FROM EventSequence s WHERE s.id = :id",
        hints = @QueryHint(name = QueryHints.PESSIMISTIC_LOCK, value = PessimisticLock.Lock))
public class EventSequence {

    /** The row locked, for {@code LockedRows.find}. */
    public static final String LOCKED = "EventSequence.locked";

    public static final int ROW = 1;

    @Id
    private int id;

    @Column(name = "last_seq")
    private long lastSeq;

    protected EventSequence() {
        // for JPA
    }

    /** The next number; the caller holds the row lock. */
    public long next() {
        return ++lastSeq;
    }
}
