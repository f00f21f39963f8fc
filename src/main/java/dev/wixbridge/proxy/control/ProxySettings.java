package dev.wixbridge.proxy.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import dev.wixbridge.platform.config.Quantities;

/**
 * The Wix API proxy's settings. Checked with the Wix app's settings ({@code WixSettings#problems}),
 * so a malformed value is named in the start-up log and keeps readiness DOWN; until it is fixed the
 * defaults below apply.
 */
@ApplicationScoped
public class ProxySettings {

    public static final String RETRIES = "wix.proxy.retries";
    public static final String MAX_WAIT = "wix.proxy.max-wait";
    public static final String TIMEOUT = "wix.proxy.timeout";
    public static final String MAX_BODY = "wix.proxy.max-body";

    static final int DEFAULT_RETRIES = 2;
    static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final long DEFAULT_MAX_BODY = 10L << 20;
    private static final int MOST_RETRIES = 10;

    @Inject
    Config config;

    /** How often a {@code GET} or {@code HEAD} is sent again after a 429, 502, 503 or 504. */
    public int retries() {
        return retries(config).orElse(DEFAULT_RETRIES);
    }

    /** The most a call may wait in all for Wix's {@code Retry-After} (or the backoff) before its answer goes back. */
    public Duration maxWait() {
        return duration(config, MAX_WAIT).orElse(DEFAULT_MAX_WAIT);
    }

    /** How long one call waits for Wix's answer to begin. */
    public Duration timeout() {
        return duration(config, TIMEOUT).filter(timeout -> !timeout.isZero()).orElse(DEFAULT_TIMEOUT);
    }

    /** The largest request body passed to Wix, in bytes. */
    public long maxBody() {
        return text(config, MAX_BODY).flatMap(Quantities::bytes).filter(bytes -> bytes > 0).orElse(DEFAULT_MAX_BODY);
    }

    /** What is wrong with the proxy's settings, naming keys, never values. */
    public static List<String> problems(Config config) {
        List<String> problems = new ArrayList<>();
        if (text(config, RETRIES).isPresent() && retries(config).isEmpty()) {
            problems.add(RETRIES + " must be a whole number from 0 to " + MOST_RETRIES);
        }
        check(config, MAX_WAIT, Quantities::duration, "a duration such as 10s, 500ms or PT10S", problems);
        check(config, TIMEOUT, value -> Quantities.duration(value).filter(timeout -> !timeout.isZero()),
                "a positive duration such as 30s", problems);
        check(config, MAX_BODY, value -> Quantities.bytes(value).filter(bytes -> bytes > 0),
                "a size such as 10MiB, 512KiB or a number of bytes", problems);
        return problems;
    }

    private static Optional<Integer> retries(Config config) {
        return text(config, RETRIES).filter(value -> value.matches("\\d{1,2}")).map(Integer::valueOf)
                .filter(retries -> retries <= MOST_RETRIES);
    }

    private static Optional<Duration> duration(Config config, String key) {
        return text(config, key).flatMap(Quantities::duration);
    }

    private static void check(Config config, String key, Function<String, Optional<?>> reading, String expected,
                              List<String> problems) {
        text(config, key).filter(value -> reading.apply(value).isEmpty())
                .ifPresent(value -> problems.add(key + " must be " + expected));
    }

    private static Optional<String> text(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(value -> !value.isEmpty());
    }
}
