package dev.wixbridge.wix;

import java.time.Duration;
import java.util.Optional;

/** Wix could not give an answer we can use; trying again later may work. */
public record WixOutage(Kind kind, Optional<Duration> retryAfter) {

    public enum Kind {
        /** 5xx, or the connection failed. */
        DOWN,
        /** No answer within {@code wix.read-timeout-ms}. */
        TIMEOUT,
        /** 429: Wix asks us to slow down. */
        RATE_LIMITED,
        /** An answer we cannot read: not JSON, or without the fields Wix documents. */
        MALFORMED
    }

    static WixOutage of(Kind kind) {
        return new WixOutage(kind, Optional.empty());
    }
}
