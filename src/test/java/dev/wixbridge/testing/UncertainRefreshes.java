package dev.wixbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The scenario of a slow Wix that rotates refresh tokens strictly, shared by the one-server and
 * the two-server tests: tokens go stale every few seconds while Wix answers token calls slower
 * than the servers' read timeout; then Wix is fast again.
 */
public final class UncertainRefreshes {

    public static final int SITES = 20;
    private static final int CALLERS = 8;
    /** How long Wix is slow: a minute in the issue, 20 s here to keep CI's run short (four token lifetimes). */
    private static final Duration SLOW = Duration.ofSeconds(Long.getLong("it.slow-wix-seconds", 20));
    /** Tokens stated to live 65 s: with the 60 s refresh skew they go stale every 5 s. */
    private static final long EXPIRES_IN = 65;

    private UncertainRefreshes() {
    }

    /**
     * Callers on {@code servers} for {@link #SLOW}, each answered 200 or 503 with Retry-After within
     * the read timeout plus 1 s; then every site serves a token within 30 s, Wix refused no refresh
     * token, and no site needs its owner.
     */
    public static void slowWixCostsNothing(FakeWix wix, DatabaseRows rows, List<ApiClient> servers, Duration readTimeout,
                                           List<FakeWix.Site> sites) throws Exception {
        wix.rotateRefreshTokens();
        wix.sendExpiresIn(EXPIRES_IN);
        wix.delayTokenCalls(readTimeout.plusMillis(1500));
        long refusedBefore = wix.refusedRefreshCalls();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        Map<Integer, Long> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        long slowUntil = System.nanoTime() + SLOW.toNanos();
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                running.add(callers.submit(() -> {
                    while (System.nanoTime() < slowUntil) {
                        FakeWix.Site site = sites.get(ThreadLocalRandom.current().nextInt(sites.size()));
                        ApiClient server = servers.get(ThreadLocalRandom.current().nextInt(servers.size()));
                        long started = System.nanoTime();
                        HttpResponse<String> response = server.post(tokenPath(site));
                        Duration took = Duration.ofNanos(System.nanoTime() - started);
                        statuses.merge(response.statusCode(), 1L, Long::sum);
                        boolean answered = response.statusCode() == 200
                                || response.statusCode() == 503 && response.headers().firstValue("Retry-After").isPresent();
                        if (!answered || took.compareTo(readTimeout.plusSeconds(1)) > 0) {
                            wrong.add(response.statusCode() + " after " + took.toMillis() + " ms: " + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> caller : running) {
                caller.get();
            }
        } finally {
            callers.shutdownNow();
        }
        wix.delayTokenCalls(Duration.ZERO);

        long fastAgain = System.nanoTime();
        for (FakeWix.Site site : sites) {
            Duration left = Duration.ofSeconds(30).minusNanos(System.nanoTime() - fastAgain);
            HttpResponse<String> response = awaitToken(servers.get(0), site, left);
            assertThat(response.statusCode()).as("a token for every site within 30 s of Wix being fast: " + response.body())
                    .isEqualTo(200);
        }
        assertThat(wrong).as("answers during the slow minute (statuses " + statuses + ")").isEmpty();
        assertThat(statuses).as("the slow Wix was felt").containsKey(503);
        assertThat(wix.refusedRefreshCalls() - refusedBefore).as("refresh tokens Wix refused (invalid_grant)").isZero();
        for (FakeWix.Site site : sites) {
            assertThat(rows.installation(site.instanceId()).orElseThrow().get("status")).isEqualTo("ACTIVE");
        }
    }

    /** Asks until the site's token comes, or {@code bound} passed: 503s are expected while a refresh is under way. */
    public static HttpResponse<String> awaitToken(ApiClient server, FakeWix.Site site, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            HttpResponse<String> response = server.post(tokenPath(site));
            if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                return response;
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }

    private static String tokenPath(FakeWix.Site site) {
        return "/api/installations/" + site.instanceId() + "/access-token";
    }
}
