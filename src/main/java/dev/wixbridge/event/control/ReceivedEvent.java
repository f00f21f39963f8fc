package dev.wixbridge.event.control;

import java.time.Instant;
import java.util.Optional;

/**
 * An event Wix sent, verified and decoded.
 *
 * @param id Wix's event id where it gives one, otherwise the SHA-256 of the webhook's body: the same delivery again has the same id
 * @param instanceId the site, when the event concerns one
 * @param happenedAt when it happened (the payload's {@code eventTime}, else the JWT's {@code iat}, else its receipt)
 * @param data the event's own payload, a JSON object
 * @param identity who caused it, a JSON object, if Wix said
 */
public record ReceivedEvent(String id, String type, Optional<String> instanceId, Instant happenedAt, String data,
                            Optional<String> identity) {

    public static final String APP_INSTALLED = "AppInstalled";
    public static final String APP_REMOVED = "AppRemoved";
}
