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
    /** How long a refresh's call to Wix may go on after its callers stopped waiting. */
    public static final String REFRESH_COMPLETION = "wix.refresh-completion-ms";
    public static final long DEFAULT_REFRESH_COMPLETION_MS = 60_000;
    /** How long a caller waits for a token (the read timeout of every call to Wix, {@code wix.read-timeout-ms}). */
    static final String CALLER_WAIT = "wix.read-timeout-ms";
    static final long DEFAULT_CALLER_WAIT_MS = 10_000;
    /** Beyond the completion bound, how long a marker of a refresh under way is still honoured (clocks of servers differ). */
    static final Duration MARKER_MARGIN = Duration.ofSeconds(10);

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

    /** How long a caller waits for a refresh before it is told to come back (503 with Retry-After). */
    public Duration callerWait() {
        return Duration.ofMillis(config.getOptionalValue(CALLER_WAIT, Long.class).orElse(DEFAULT_CALLER_WAIT_MS));
    }

    /**
     * How long a refresh's call to Wix may take in all: it goes on after its callers stopped
     * waiting, so that an answer Wix sends late (with a rotated refresh token) is still stored.
     */
    public Duration refreshCompletion() {
        return refreshCompletion(config);
    }

    /** How long another server's marker of a refresh under way is honoured: a marker older than this lost its server. */
    Duration markerBound() {
        return refreshCompletion().plus(MARKER_MARGIN);
    }

    public static Duration refreshCompletion(Config config) {
        return Duration.ofMillis(config.getOptionalValue(REFRESH_COMPLETION, Long.class).orElse(DEFAULT_REFRESH_COMPLETION_MS));
    }

    /** The same, for the configuration check (a malformed value throws {@link IllegalArgumentException}). */
    public static Duration refreshSkew(Config config) {
        return Duration.ofSeconds(config.getOptionalValue(REFRESH_SKEW, Long.class).orElse(DEFAULT_REFRESH_SKEW_SECONDS));
    }
}
