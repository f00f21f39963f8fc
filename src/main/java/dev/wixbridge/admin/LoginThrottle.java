package dev.wixbridge.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Failed admin logins per client address: after {@value #FAILURES_PER_MINUTE} in a minute, the
 * login form answers {@code 429} until the minute is over, whatever key comes. Per server (a
 * guesser spread over servers gets that many per server, still nothing against a 32-character key).
 */
@ApplicationScoped
class LoginThrottle {

    static final int FAILURES_PER_MINUTE = 10;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    /** Past this many clients at once, windows that are over are forgotten (an address flood costs bounded memory). */
    private static final int MOST_CLIENTS = 10_000;

    @Inject
    Clock clock;

    private final Map<String, Window> failures = new ConcurrentHashMap<>();

    /** How long {@code client} must wait before trying again; empty when it may try now. */
    Optional<Duration> waitFor(String client) {
        Instant now = clock.instant();
        Window window = failures.get(client);
        if (window == null || !window.isOpenAt(now) || window.failures() < FAILURES_PER_MINUTE) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, window.start().plus(WINDOW)));
    }

    void failed(String client) {
        Instant now = clock.instant();
        if (failures.size() >= MOST_CLIENTS) {
            failures.values().removeIf(window -> !window.isOpenAt(now));
            if (failures.size() >= MOST_CLIENTS && !failures.containsKey(client)) {
                return; // that many addresses at once: track no more (the keys' length is the real defence)
            }
        }
        failures.compute(client, (address, window) -> window == null || !window.isOpenAt(now)
                ? new Window(now, 1) : new Window(window.start(), window.failures() + 1));
    }

    private record Window(Instant start, int failures) {

        boolean isOpenAt(Instant now) {
            return now.isBefore(start.plus(WINDOW));
        }
    }
}
