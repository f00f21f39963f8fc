package dev.wixbridge.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import dev.wixbridge.testing.Browser;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.OwnerJourney;

/**
 * Anonymous load on the install URLs, as the hardening issue describes it: {@code callers} at once,
 * each loading the App URL for a state and then the Redirect URL with a forged code, again and
 * again (a new callback every 2 s at most per caller), while the fake Wix takes 2 s to reject
 * each forged code.
 */
final class InstallFlood {

    private static final Duration PACE = Duration.ofSeconds(2);

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<Integer, LongAdder> callbackStatuses = new ConcurrentHashMap<>();
    private final LongAdder appUrlRefusals = new LongAdder();
    private final ExecutorService callers;
    private final long started = System.nanoTime();

    private InstallFlood(String server, int callers) {
        this.callers = Executors.newFixedThreadPool(callers);
        Browser browser = new Browser();
        for (int i = 0; i < callers; i++) {
            this.callers.submit(() -> {
                while (running.get()) {
                    long begun = System.nanoTime();
                    try {
                        floodOnce(browser, server);
                    } catch (RuntimeException e) {
                        callbackStatuses.computeIfAbsent(-1, s -> new LongAdder()).increment();
                    }
                    LockSupport.parkNanos(begun + PACE.toNanos() - System.nanoTime());
                }
            });
        }
    }

    static InstallFlood start(FakeWix wix, String server, int callers) {
        wix.rejectUnknownCodesAfter(PACE);
        return new InstallFlood(server, callers);
    }

    private void floodOnce(Browser browser, String server) {
        HttpResponse<String> toConsent = browser.get(server + "/install?token=flood");
        if (toConsent.statusCode() != 302) {
            appUrlRefusals.increment();
            return;
        }
        String state = OwnerJourney.queryOf(URI.create(toConsent.headers().firstValue("Location").orElseThrow())).get("state");
        HttpResponse<String> callback = browser.get(server + "/oauth/callback?code=forged-" + UUID.randomUUID()
                + "&instanceId=" + UUID.randomUUID() + "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
        callbackStatuses.computeIfAbsent(callback.statusCode(), s -> new LongAdder()).increment();
    }

    /** Callbacks answered, by status ({@code -1}: no answer), and App URL loads refused, over the flood's seconds. */
    record Result(Map<Integer, Long> callbacks, long appUrlRefusals, double seconds) {

        long total() {
            return callbacks.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    Result stop(FakeWix wix) throws InterruptedException {
        running.set(false);
        callers.shutdown();
        callers.awaitTermination(1, TimeUnit.MINUTES);
        wix.rejectUnknownCodesAfter(Duration.ZERO);
        Map<Integer, Long> byStatus = new TreeMap<>();
        callbackStatuses.forEach((status, count) -> byStatus.put(status, count.sum()));
        return new Result(byStatus, appUrlRefusals.sum(), (System.nanoTime() - started) / 1e9);
    }
}
