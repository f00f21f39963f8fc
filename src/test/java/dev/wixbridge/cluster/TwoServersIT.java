package dev.wixbridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.Browser;
import dev.wixbridge.testing.DatabaseRows;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.FakeWix.Failure;
import dev.wixbridge.testing.SealedTokens;
import dev.wixbridge.testing.ServerLog;
import dev.wixbridge.testing.ServerProcess;
import dev.wixbridge.testing.UncertainRefreshes;

/**
 * Two (and for a moment three) Payara Micro servers on one PostgreSQL database, configured
 * only through environment variables, as an admin would run them behind a load balancer.
 */
class TwoServersIT {

    private static final int PORT_A = 18081;
    private static final int PORT_B = 18082;
    private static final int PORT_DOOMED = 18083;
    private static final Duration READ_TIMEOUT = Duration.ofMillis(1500);
    private static final Duration COMPLETION = Duration.ofSeconds(6);
    /** How long a dead server's marker of a refresh under way is honoured: the completion bound plus a margin of 10 s. */
    private static final Duration MARKER_BOUND = COMPLETION.plusSeconds(10);
    /** Both servers know one public Redirect URL: here, server B's. */
    private static final String REDIRECT_URL = "http://localhost:" + PORT_B + "/oauth/callback";

    private static ServerProcess a;
    private static ServerProcess b;

    private final FakeWix wix = FakeWix.shared();
    private final DatabaseRows rows = Deployments.database();
    private final ApiClient api = ApiClient.withKey(Deployments.API_KEY);

    @BeforeAll
    static void startTwoServers() throws Exception {
        assumeTrue("postgresql".equals(System.getProperty("it.db")), "two servers share a PostgreSQL database");
        ServerProcess[] servers = ServerProcess.startPair("custom", PORT_A, PORT_B, environment());
        a = servers[0];
        b = servers[1];
        warmUp();
    }

    /**
     * One refresh on each server before the tests: a server's first refresh runs cold code (about a
     * second here), which alone would outlast the callers' short wait of {@link #READ_TIMEOUT}; the
     * tests are about what servers do together, not about a cold start.
     */
    private static void warmUp() {
        TwoServersIT test = new TwoServersIT();
        test.resetWix();
        for (ServerProcess server : new ServerProcess[] {a, b}) {
            FakeWix.Site site = test.installedAndExpired();
            assertThat(test.api.at(server.url()).post(tokenPath(site)).statusCode()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stopServersAndScanTheirLogs() {
        ServerProcess.stopAndScanLogs(a, b);
    }

    @BeforeEach
    void resetWix() {
        wix.reset(REDIRECT_URL);
    }

    @Test
    void an_install_started_on_one_server_completes_on_the_other() {
        FakeWix.Site site = wix.newSite();
        Browser browser = new Browser();

        HttpResponse<String> toConsent = browser.get(a.url() + "/install?token=" + site.installToken());
        assertThat(toConsent.statusCode()).isEqualTo(302);
        HttpResponse<String> toCallback = browser.follow(toConsent);
        assertThat(toCallback.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith(b.url() + "/oauth/callback?"));
        HttpResponse<String> done = browser.follow(toCallback);

        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        assertThat(rows.installations(site.instanceId())).isEqualTo(1);
    }

    @Test
    void a_hundred_requests_across_both_servers_cause_one_refresh() throws Exception {
        FakeWix.Site site = installedAndExpired();
        wix.rotateRefreshTokens();
        wix.delayTokenCalls(Duration.ofMillis(500));

        ExecutorService callers = Executors.newFixedThreadPool(100);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                ApiClient client = api.at(i % 2 == 0 ? a.url() : b.url());
                calls.add(callers.submit(() -> client.post(tokenPath(site))));
            }
            Set<String> tokens = new HashSet<>();
            for (Future<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                tokens.add(ApiClient.json(response).getString("accessToken"));
            }
            assertThat(tokens).hasSize(1);
            assertThat(wix.isValidAccessToken(tokens.iterator().next(), site)).isTrue();
        } finally {
            callers.shutdownNow();
        }
        assertThat(wix.refreshesFor(site)).isEqualTo(1);
        assertThat(wix.refusedRefreshesFor(site)).as("invalid_grant answers").isZero();
        assertThat(SealedTokens.open(rows.installation(site.instanceId()).orElseThrow(), "refresh"))
                .isEqualTo(wix.refreshTokenOf(site));
    }

    @Test
    void a_server_killed_during_a_refresh_leaves_the_site_refreshable_after_the_markers_bound() throws Exception {
        FakeWix.Site site = installedAndExpired();
        wix.rotateRefreshTokens();
        String stored = wix.refreshTokenOf(site);
        long killedAt;
        try (ServerProcess doomed = ServerProcess.start("doomed", PORT_DOOMED, environment())) {
            wix.failTokenCalls(Failure.slow(Duration.ofSeconds(30)));
            CompletableFuture.runAsync(() -> {
                try {
                    api.at(doomed.url()).post(tokenPath(site));
                } catch (RuntimeException expected) {
                    // the server dies under this call
                }
            });
            awaitRefreshInFlight();

            doomed.kill();
            killedAt = System.nanoTime();
            wix.abandonSlowCalls();
            ServerLog.assertHoldsNone(doomed.log(), wix.secrets());
        }

        // The dead server's marker stands: the others wait for it, their callers get 503 meanwhile, nobody is refused.
        HttpResponse<String> meanwhile = api.at(b.url()).post(tokenPath(site));
        assertThat(meanwhile.statusCode()).as(meanwhile.body()).isEqualTo(503);
        assertThat(meanwhile.headers().firstValue("Retry-After")).isPresent();
        HttpResponse<String> response = UncertainRefreshes.awaitToken(api.at(b.url()), site, MARKER_BOUND.plusSeconds(20));
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).as("served only once the marker expired")
                .isGreaterThanOrEqualTo(MARKER_BOUND.minusSeconds(2));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(api.at(a.url()).post(tokenPath(site)).statusCode()).isEqualTo(200);

        assertThat(wix.refusedRefreshesFor(site)).as("invalid_grant answers").isZero();
        String rotated = wix.refreshTokenOf(site);
        assertThat(rotated).isNotEqualTo(stored);
        assertThat(SealedTokens.open(rows.installation(site.instanceId()).orElseThrow(), "refresh")).isEqualTo(rotated);
    }

    @Test
    void a_slow_wix_costs_no_site_across_two_servers() throws Exception {
        List<FakeWix.Site> sites = new ArrayList<>();
        for (int i = 0; i < UncertainRefreshes.SITES; i++) {
            sites.add(installedAndExpired());
        }
        UncertainRefreshes.slowWixCostsNothing(wix, rows, List.of(api.at(a.url()), api.at(b.url())), READ_TIMEOUT, sites);
    }

    /**
     * The refresh's claim reads the site's row under its lock ({@code SELECT … FOR UPDATE}), so a
     * server finds another's claim only once that is committed. Here the test holds the row's lock
     * itself: the server's claim must wait for it at its read, not only at its write.
     */
    @Test
    void a_refresh_claims_the_site_under_its_row_lock() throws Exception {
        FakeWix.Site site = installedAndExpired();
        try (Connection holder = DriverManager.getConnection(Deployments.DATABASE.url(), Deployments.DATABASE.user(), "")) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT 1 FROM installation WHERE instance_id = ? FOR UPDATE")) {
                lock.setString(1, site.instanceId());
                lock.executeQuery().close();
            }
            CompletableFuture<HttpResponse<String>> token = CompletableFuture.supplyAsync(() -> api.at(a.url()).post(tokenPath(site)));

            String waiting = awaitQueryWaitingForALock(holder);
            assertThat(waiting).as("the query that waits for the test's row lock").containsIgnoringCase("FOR UPDATE");
            assertThat(token).as("the token request while the row is locked").isNotDone();

            holder.commit();
            assertThat(token.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    // -----

    private FakeWix.Site installedAndExpired() {
        FakeWix.Site site = wix.newSite();
        Browser browser = new Browser();
        HttpResponse<String> toConsent = browser.get(a.url() + "/install?token=" + site.installToken());
        assertThat(browser.follow(browser.follow(toConsent)).statusCode()).isEqualTo(302);
        assertThat(rows.update("UPDATE installation SET access_token_expires_at = ? WHERE instance_id = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), site.instanceId())).isEqualTo(1);
        return site;
    }

    /** The text of a query another session is blocked in by a lock of {@code holder}'s session. */
    private static String awaitQueryWaitingForALock(Connection holder) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection observer = DriverManager.getConnection(Deployments.DATABASE.url(), Deployments.DATABASE.user(), "");
             PreparedStatement blocked = observer.prepareStatement("SELECT query FROM pg_stat_activity"
                     + " WHERE ? = ANY(pg_blocking_pids(pid))")) {
            blocked.setInt(1, holder.unwrap(PGConnection.class).getBackendPID());
            while (true) {
                try (ResultSet rs = blocked.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
                assertThat(System.nanoTime()).as("a server's query waits for the row lock").isLessThan(deadline);
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }
    }

    private void awaitRefreshInFlight() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (wix.refreshesInFlight() == 0) {
            assertThat(System.nanoTime()).as("a refresh reached Wix").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private static String tokenPath(FakeWix.Site site) {
        return "/api/installations/" + site.instanceId() + "/access-token";
    }

    /** The settings of every other test, as environment variables, with server B's Redirect URL. */
    private static Map<String, String> environment() {
        Map<String, String> settings = Deployments.fakeWixSettings();
        settings.put("wix.redirect-url", REDIRECT_URL);
        settings.put("wix.read-timeout-ms", String.valueOf(READ_TIMEOUT.toMillis()));
        settings.put("wix.refresh-completion-ms", String.valueOf(COMPLETION.toMillis()));
        return Deployments.asEnvironment(settings);
    }
}
