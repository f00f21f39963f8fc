package dev.wixbridge.event.control;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.wixbridge.event.control.WebhookVerifier.Verification;
import dev.wixbridge.event.entity.EventSequence;
import dev.wixbridge.event.entity.WixEvent;
import dev.wixbridge.installation.control.Installations;
import dev.wixbridge.platform.persistence.Database;
import dev.wixbridge.platform.persistence.LockedRows;
import dev.wixbridge.token.control.TokenSource;

/**
 * Receives Wix's webhooks: verifies each, then stores the event and its effect in one
 * transaction, once. Under the feed counter's row lock (see {@link EventSequence}) a delivery
 * Wix repeats, on this server or another at the same moment, finds the first one stored.
 */
@ApplicationScoped
public class Webhooks {

    private static final Logger LOG = Logger.getLogger(Webhooks.class.getName());

    @Inject
    WebhookVerifier verifier;

    @Inject
    Database database;

    @Inject
    Installations installations;

    @Inject
    TokenSource tokens;

    @Inject
    EventSignal signal;

    @Inject
    Clock clock;

    /** Verifies the body; a verified event is stored with its effect before this returns. */
    public Verification receive(String body) {
        Verification verification = verifier.verify(body);
        verification.match(new Verification.Cases<Void>() {
            @Override
            public Void verified(ReceivedEvent event) {
                boolean stored = store(event);
                LOG.info(() -> "event=webhook type=" + event.type() + " instance=" + event.instanceId().orElse("-")
                        + " outcome=" + (stored ? "stored" : "duplicate"));
                return null;
            }

            @Override
            public Void forged(String reason) {
                LOG.warning("Webhook refused: " + reason);
                return null;
            }

            @Override
            public Void malformed(String reason) {
                LOG.warning("Webhook refused: " + reason);
                return null;
            }

            @Override
            public Void notConfigured() {
                LOG.warning("Webhook refused: wix.webhook-public-key is not set, so no webhook can be verified");
                return null;
            }
        });
        return verification;
    }

    /** True when the event is new; false when it was stored before (a repeated delivery). */
    private boolean store(ReceivedEvent event) {
        Instant now = clock.instant();
        boolean stored = database.inTransaction(em -> {
            EventSequence counter = LockedRows.find(em, EventSequence.LOCKED, EventSequence.class, EventSequence.ROW).orElseThrow();
            boolean known = em.createQuery("SELECT COUNT(e) FROM WixEvent e WHERE e.eventId = :id", Long.class)
                    .setParameter("id", event.id()).getSingleResult() > 0;
            if (known) {
                return false;
            }
            em.persist(new WixEvent(counter.next(), event.id(), event.type(), event.instanceId().orElse(null),
                    event.happenedAt(), now, event.data(), event.identity().orElse(null)));
            applyEffect(event);
            return true;
        });
        if (stored) {
            signal.arrived();
        }
        return stored;
    }

    /** What the event changes, in the transaction that stores it. Every other event type is recorded only. */
    private void applyEffect(ReceivedEvent event) {
        event.instanceId().ifPresent(instanceId -> {
            switch (event.type()) {
                case ReceivedEvent.APP_REMOVED -> installations.removedByWix(instanceId, event.happenedAt());
                // With custom authentication the handshake stores the site, with its refresh token.
                case ReceivedEvent.APP_INSTALLED -> installations.installedByWix(instanceId, event.happenedAt(),
                        !tokens.usesRefreshTokens());
                default -> {
                    // recorded only
                }
            }
        });
    }
}
