package dev.wixbridge.token.control;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

/** How much life a token must have left to be handed out ({@code wix.token-refresh-skew-seconds}). */
@ApplicationScoped
public class TokenSettings {

    public static final String REFRESH_SKEW = "wix.token-refresh-skew-seconds";
    public static final long DEFAULT_REFRESH_SKEW_SECONDS = 60;

    @Inject
    Config config;

    /** A token is handed out only with more than this much life left; otherwise it is refreshed first. */
    public Duration refreshSkew() {
        return refreshSkew(config);
    }

    /** Whether a token expiring at {@code expiresAt} may be handed out at {@code now}. */
    public boolean isFresh(Instant expiresAt, Instant now) {
        return expiresAt != null && now.plus(refreshSkew()).isBefore(expiresAt);
    }

    /** The same, for the configuration check (a malformed value throws {@link IllegalArgumentException}). */
    public static Duration refreshSkew(Config config) {
        return Duration.ofSeconds(config.getOptionalValue(REFRESH_SKEW, Long.class).orElse(DEFAULT_REFRESH_SKEW_SECONDS));
    }
}
