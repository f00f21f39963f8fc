package dev.wixbridge.wix;

import java.time.Duration;
import java.util.Optional;

/** Wix answered with an HTTP error status. Carries no body: Wix's error bodies are undocumented. */
class WixHttpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Optional<Duration> retryAfter;

    WixHttpException(int status, Optional<Duration> retryAfter) {
        super("Wix answered HTTP " + status, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
