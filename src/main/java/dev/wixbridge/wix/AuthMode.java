package dev.wixbridge.wix;

import java.util.Locale;
import java.util.Optional;

/** How the Wix app authenticates ({@code wix.auth-mode}). */
public enum AuthMode {
    /** Custom authentication: the install handshake, then refresh tokens. Closed to new Wix apps. */
    CUSTOM,
    /** Wix's current OAuth: tokens by client credentials for every installed site; no handshake. */
    OAUTH;

    /** The configuration value ({@code custom}, {@code oauth}). */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<AuthMode> parse(String value) {
        for (AuthMode mode : values()) {
            if (mode.value().equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
