package dev.wixbridge.token.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wixbridge.platform.metrics.Metrics;
import dev.wixbridge.testing.MapConfig;
import dev.wixbridge.testing.SettableClock;

/**
 * The memory in front of the refresh: one refresh per site in this server however many callers
 * want it at once (the row lock alone would let each caller hold a connection and queue on
 * it), sites in parallel, and nothing remembered of a failure.
 */
class AccessTokensSingleFlightTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final AccessTokens tokens = new AccessTokens();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final ExecutorService refreshTasks = Executors.newCachedThreadPool();
    private BiFunction<String, RefreshReason, AccessTokenResult> refresh;

    AccessTokensSingleFlightTest() {
        tokens.clock = new SettableClock(NOW);
        tokens.settings = new TokenSettings();
        tokens.settings.config = MapConfig.of();
        tokens.metrics = new Metrics();
        tokens.executor = refreshTasks;
        tokens.refresh = new TokenRefresh() {
            @Override
            AccessTokenResult tokenFor(String instanceId, RefreshReason reason) {
                refreshes.incrementAndGet();
                return refresh.apply(instanceId, reason);
            }
        };
    }

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
        refreshTasks.shutdownNow();
    }

    private static AccessTokenResult.Issued issued(String instanceId, String token) {
        return new AccessTokenResult.Issued(instanceId, token, NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void concurrent_callers_for_one_site_share_one_refresh() throws Exception {
        int callerCount = 16;
        CountDownLatch release = new CountDownLatch(1);
        refresh = (site, reason) -> {
            await(release);
            return issued(site, "token-" + refreshes.get());
        };
        List<Thread> threads = new CopyOnWriteArrayList<>();
        List<Future<AccessTokenResult>> results = new ArrayList<>();
        for (int i = 0; i < callerCount; i++) {
            results.add(callers.submit(() -> {
                threads.add(Thread.currentThread());
                return tokens.accessTokenFor("site");
            }));
        }
        // Every caller is past the memory and waiting: on the refresh, or on another caller's refresh.
        awaitAllWaiting(threads, callerCount);
        release.countDown();

        for (Future<AccessTokenResult> result : results) {
            assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(issued("site", "token-1"));
        }
        assertThat(refreshes).hasValue(1);
    }

    @Test
    void a_caller_stops_waiting_after_the_read_timeout_but_the_refresh_goes_on_and_is_kept() throws Exception {
        tokens.settings.config = MapConfig.of(TokenSettings.CALLER_WAIT, "50");
        CountDownLatch wixAnswers = new CountDownLatch(1);
        CountDownLatch stored = new CountDownLatch(1);
        refresh = (site, reason) -> {
            await(wixAnswers);
            stored.countDown();
            return issued(site, "late-token");
        };

        assertThat(tokens.accessTokenFor("site")).isInstanceOf(AccessTokenResult.WixUnavailable.class);
        assertThat(tokens.accessTokenFor("site")).as("joins the refresh under way, starts none")
                .isInstanceOf(AccessTokenResult.WixUnavailable.class);
        wixAnswers.countDown();
        await(stored);
        awaitNoFlight();

        assertThat(tokens.accessTokenFor("site")).isEqualTo(issued("site", "late-token"));
        assertThat(refreshes).hasValue(1);
    }

    @Test
    void different_sites_refresh_at_the_same_time() throws Exception {
        CyclicBarrier bothInside = new CyclicBarrier(2);
        refresh = (site, reason) -> {
            try {
                bothInside.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new AssertionError("the other site's refresh never ran alongside", e);
            }
            return issued(site, "token-of-" + site);
        };

        Future<AccessTokenResult> a = callers.submit(() -> tokens.accessTokenFor("site-a"));
        Future<AccessTokenResult> b = callers.submit(() -> tokens.accessTokenFor("site-b"));

        assertThat(a.get(20, TimeUnit.SECONDS)).isEqualTo(issued("site-a", "token-of-site-a"));
        assertThat(b.get(20, TimeUnit.SECONDS)).isEqualTo(issued("site-b", "token-of-site-b"));
    }

    @Test
    void a_token_once_issued_is_served_from_memory() {
        refresh = (site, reason) -> issued(site, "token");

        tokens.accessTokenFor("site");
        tokens.accessTokenFor("site");

        assertThat(refreshes).hasValue(1);
    }

    @Test
    void an_admin_recheck_bypasses_memory_and_says_so() {
        List<RefreshReason> reasons = new ArrayList<>();
        refresh = (site, reason) -> {
            reasons.add(reason);
            return issued(site, "token");
        };

        tokens.accessTokenFor("site");
        tokens.refreshNow("site");

        assertThat(reasons).containsExactly(new RefreshReason.NotInMemory(), new RefreshReason.Recheck());
    }

    @Test
    void a_rejected_token_is_replaced_unless_memory_holds_another() {
        refresh = (site, reason) -> issued(site, "token-" + refreshes.get());
        tokens.accessTokenFor("site");

        assertThat(tokens.replaceRejected("site", "token-1")).isEqualTo(issued("site", "token-2"));
        assertThat(tokens.replaceRejected("site", "token-1")).as("already replaced").isEqualTo(issued("site", "token-2"));
        assertThat(refreshes).hasValue(2);
    }

    @Test
    void nothing_is_remembered_of_a_failure_and_the_next_caller_tries_again() {
        refresh = (site, reason) -> new AccessTokenResult.WixUnavailable(java.util.Optional.empty());
        tokens.accessTokenFor("site");
        refresh = (site, reason) -> {
            throw new IllegalStateException("database down");
        };
        assertThatThrownBy(() -> tokens.accessTokenFor("site")).hasMessage("database down");
        refresh = (site, reason) -> issued(site, "token");

        assertThat(tokens.accessTokenFor("site")).isEqualTo(issued("site", "token"));
        assertThat(refreshes).hasValue(3);
    }

    @Test
    void an_uninstall_or_reinstall_anywhere_empties_the_memory_of_the_site() {
        refresh = (site, reason) -> issued(site, "token");
        tokens.accessTokenFor("site");

        tokens.forget(new dev.wixbridge.installation.control.InstallationChanged("site"));
        tokens.accessTokenFor("site");

        assertThat(refreshes).hasValue(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Until the refresh task has handed its result over and ended the site's flight; bounded. */
    private void awaitNoFlight() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (tokens.inFlight() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the refresh never ended");
            }
            Thread.onSpinWait();
        }
    }

    /** Until every caller thread has started and parks (on the latch or on a shared refresh); bounded. */
    private static void awaitAllWaiting(List<Thread> threads, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (threads.size() < count || !threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING
                || t.getState() == Thread.State.TIMED_WAITING)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("callers did not all reach the refresh");
            }
            Thread.onSpinWait();
        }
    }
}
