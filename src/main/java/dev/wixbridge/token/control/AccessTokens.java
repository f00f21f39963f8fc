package dev.wixbridge.token.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.wixbridge.installation.control.InstallationChanged;
import dev.wixbridge.platform.metrics.Metrics;

/**
 * A valid Wix access token for any installed site, for any code in this application: the
 * memory in front of {@link TokenRefresh}.
 *
 * <p>Tokens come from memory, then from the database, and only then from Wix. A refresh is
 * single flight: concurrent callers for one site in this server share one {@link TokenRefresh}
 * (the first does the work, the others wait for its result), so they hold one database
 * connection, not one each; across servers, the "refresh under way" marker of {@link TokenRefresh}
 * does the same.
 * Different sites refresh in parallel.
 *
 * <p>A refresh runs as a task on this bean's pool of managed threads, and its callers wait for it at most
 * {@code wix.read-timeout-ms}: past that they are told to come back (Wix unavailable, 503 with
 * Retry-After), while the task goes on until Wix answers (up to {@code wix.refresh-completion-ms}) and
 * stores the answer, a rotated refresh token among it. The site's single flight lasts as long as the
 * task, so no second refresh of the site starts meanwhile.
 */
@ApplicationScoped
public class AccessTokens {

    /**
     * How long this server trusts its memory before reading the row again (no call to Wix):
     * bounds how long an uninstall or re-authorization on another server goes unnoticed here.
     */
    static final Duration MEMORY_TRUST = Duration.ofSeconds(30);

    @Inject
    TokenRefresh refresh;

    @Inject
    TokenSettings settings;

    @Inject
    Metrics metrics;

    @Inject
    Clock clock;

    /** As many refreshes run at once as Wix's token endpoint admits ({@code @Bulkhead(32)} of {@code WixTokenEndpoint}). */
    static final int REFRESH_THREADS = 32;

    /** Jakarta Concurrency's threads, so the refresh tasks run with the application's context. */
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threadFactory;

    /**
     * The refresh tasks' own pool, sized here rather than by the server: Payara's default managed
     * executor has no core threads and an unbounded queue, so it runs its tasks one at a time, and a
     * wave of expiring tokens then queued refreshes past their callers' wait (503s in bench section 5).
     */
    Executor executor;

    @PostConstruct
    void startRefreshThreads() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(REFRESH_THREADS, REFRESH_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threadFactory);
        pool.allowCoreThreadTimeOut(true);
        executor = pool;
    }

    @PreDestroy
    void stopRefreshThreads() {
        if (executor instanceof ThreadPoolExecutor pool) {
            pool.shutdown();
        }
    }

    private final ConcurrentHashMap<String, Remembered> memory = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<AccessTokenResult>> inFlight = new ConcurrentHashMap<>();

    /** A token for the site with more than {@code wix.token-refresh-skew-seconds} of life left. */
    public AccessTokenResult accessTokenFor(String instanceId) {
        Remembered remembered = memory.get(instanceId);
        if (remembered != null && isUsable(remembered)) {
            metrics.count(TokenRefresh.SERVED, "source", "memory");
            return remembered.token();
        }
        return singleFlight(instanceId, new RefreshReason.NotInMemory());
    }

    /**
     * A token to replace {@code rejected}, which Wix just refused (401) although it had not
     * expired: refreshed at once, unless another caller already replaced it.
     */
    public AccessTokenResult replaceRejected(String instanceId, String rejected) {
        memory.computeIfPresent(instanceId, (id, remembered) -> remembered.token().accessToken().equals(rejected) ? null : remembered);
        Remembered remembered = memory.get(instanceId);
        if (remembered != null && isUsable(remembered)) {
            return remembered.token();
        }
        return singleFlight(instanceId, new RefreshReason.Rejected(rejected));
    }

    /**
     * Refreshes the site's token at Wix now, whatever its age: an admin's re-check of a site.
     * Shares the single flight and the refresh marker with every other refresh.
     */
    public AccessTokenResult refreshNow(String instanceId) {
        memory.remove(instanceId);
        return singleFlight(instanceId, new RefreshReason.Recheck());
    }

    /** A site was installed again or uninstalled (on any path): what this server remembers of it is stale. */
    void forget(@Observes InstallationChanged change) {
        memory.remove(change.instanceId());
    }

    /**
     * Drops every token memory no longer vouches for: past {@link #MEMORY_TRUST} the row is read
     * again anyway, so keeping it would only grow memory with every site ever served. Memory then
     * holds the sites served in the last half minute, however many are installed.
     *
     * @return how many were dropped
     */
    public int forgetStale() {
        Instant now = clock.instant();
        int before = memory.size();
        // Removes an entry only if it is still the stale one checked (a concurrent refresh's new entry stays).
        memory.values().removeIf(remembered -> !now.isBefore(remembered.trustedUntil()));
        return Math.max(0, before - memory.size());
    }

    /** How many refreshes are under way in this server. */
    int inFlight() {
        return inFlight.size();
    }

    /** How many sites' tokens this server holds in memory now. */
    int remembered() {
        return memory.size();
    }

    private AccessTokenResult singleFlight(String instanceId, RefreshReason reason) {
        CompletableFuture<AccessTokenResult> mine = new CompletableFuture<>();
        CompletableFuture<AccessTokenResult> running = inFlight.putIfAbsent(instanceId, mine);
        if (running == null) {
            running = mine;
            try {
                executor.execute(() -> refresh(instanceId, reason, mine));
            } catch (RejectedExecutionException saturated) {
                refresh(instanceId, reason, mine); // in the caller's thread, as before there was an executor
            }
        }
        try {
            return running.get(settings.callerWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRefreshing) {
            // The refresh goes on, and stores what Wix answers; this caller comes back for it.
            return new AccessTokenResult.WixUnavailable(Optional.empty());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AccessTokenResult.WixUnavailable(Optional.empty());
        }
    }

    /** The task: one refresh, its result remembered, then the site's single flight ends. */
    private void refresh(String instanceId, RefreshReason reason, CompletableFuture<AccessTokenResult> flight) {
        try {
            AccessTokenResult result = refresh.tokenFor(instanceId, reason);
            result.issued().ifPresentOrElse(this::remember, () -> memory.remove(instanceId));
            // Ended before the callers hear: a caller that asks next (an admin's re-check) starts its own.
            inFlight.remove(instanceId, flight);
            flight.complete(result);
        } catch (RuntimeException e) {
            inFlight.remove(instanceId, flight);
            flight.completeExceptionally(e);
        }
    }

    void remember(AccessTokenResult.Issued issued) {
        memory.put(issued.instanceId(), new Remembered(issued, clock.instant().plus(MEMORY_TRUST)));
    }

    private boolean isUsable(Remembered remembered) {
        Instant now = clock.instant();
        return now.isBefore(remembered.trustedUntil()) && settings.isFresh(remembered.token().expiresAt(), now);
    }

    /** A token held in memory, and until when this server trusts it without reading the row. */
    private record Remembered(AccessTokenResult.Issued token, Instant trustedUntil) {
    }
}
