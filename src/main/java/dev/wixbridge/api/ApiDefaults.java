package dev.wixbridge.api;

import java.time.Duration;

final class ApiDefaults {

    /** What we tell a caller to wait when Wix gave no hint. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private ApiDefaults() {
    }
}
