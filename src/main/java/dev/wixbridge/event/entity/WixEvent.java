package dev.wixbridge.event.entity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One verified event Wix sent by webhook, as the feed serves it. */
@Entity
@Table(name = "wix_event")
public class WixEvent {

    @Id
    @Column(name = "seq")
    private long seq;

    @Column(name = "event_id")
    private String eventId;

    @Column(name = "event_type")
    private String eventType;

    @Column(name = "instance_id")
    private String instanceId;

    @Column(name = "event_time")
    private OffsetDateTime eventTime;

    @Column(name = "received_at")
    private OffsetDateTime receivedAt;

    @Column(name = "data")
    private String data;

    @Column(name = "identity")
    private String identity;

    protected WixEvent() {
        // for JPA
    }

    /**
     * @param data the event's own payload, JSON
     * @param identity who caused it, JSON, or null
     */
    public WixEvent(long seq, String eventId, String eventType, String instanceId, Instant eventTime, Instant receivedAt,
                    String data, String identity) {
        this.seq = seq;
        this.eventId = eventId;
        this.eventType = eventType;
        this.instanceId = instanceId;
        this.eventTime = eventTime.atOffset(ZoneOffset.UTC);
        this.receivedAt = receivedAt.atOffset(ZoneOffset.UTC);
        this.data = data;
        this.identity = identity;
    }

    public long seq() {
        return seq;
    }

    public String eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public String instanceId() {
        return instanceId;
    }

    public Instant eventTime() {
        return eventTime.toInstant();
    }

    public Instant receivedAt() {
        return receivedAt.toInstant();
    }

    public String data() {
        return data;
    }

    public String identity() {
        return identity;
    }
}
