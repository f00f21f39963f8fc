package dev.wixbridge.platform.web;

import java.time.Duration;

/** The {@code Retry-After} header of our 503s, for pages and problem documents alike. */
public final class RetryAfter {

    /** What we tell a caller to wait when nobody gave us a better hint. */
    public static final Duration DEFAULT = Duration.ofSeconds(5);

    private RetryAfter() {
    }

    /** The header's value: whole seconds, at least one. */
    public static long seconds(Duration wait) {
        return Math.max(1, wait.toSeconds());
    }
}
