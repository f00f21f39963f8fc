package dev.wixbridge.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.wixbridge.testing.Browser;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.SealedTokens;
import dev.wixbridge.testing.ServerProcess;

/**
 * The benchmarks of bench/README.md, in one run on this machine: a Payara Micro server with the
 * built WAR on PostgreSQL, the fake Wix, and wrk as the load generator. Writes bench/RESULTS.md.
 * Not a test: nothing here asserts a time.
 */
public final class Benchmarks {

    private static final int PORT = 18085;
    private static final String SERVER = "http://localhost:" + PORT;
    private static final int SITES = 1_000;
    private static final int MANY_SITES = 100_000;
    private static final int TOKEN_LIFETIME_SECONDS = 15; // ttl 75 s minus the 60 s refresh skew
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 60));

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("it.db", "postgresql");
        Path work = Path.of(System.getProperty("it.work", "target/bench"));
        Files.createDirectories(work);
        FakeWix wix = FakeWix.shared();
        wix.reset(SERVER + "/oauth/callback");
        StringBuilder results = new StringBuilder();

        try (ServerProcess server = ServerProcess.start("bench", PORT, environment(), List.of("-Xmx384m", "-XX:+UseSerialGC"))) {
            // 2. Install handshake, which also installs the 1,000 sites of the token benchmark
            List<String> sites = Collections.synchronizedList(new ArrayList<>());
            List<Long> installNanos = Collections.synchronizedList(new ArrayList<>());
            long installStarted = System.nanoTime();
            runConcurrently(16, SITES, i -> {
                FakeWix.Site site = wix.newSite();
                Browser browser = new Browser();
                long started = System.nanoTime();
                HttpResponse<String> toConsent = browser.get(SERVER + "/install?token=" + site.installToken());
                HttpResponse<String> done = browser.follow(browser.follow(toConsent));
                if (done.statusCode() == 302) {
                    installNanos.add(System.nanoTime() - started);
                    sites.add(site.instanceId());
                }
            });
            double installSeconds = (System.nanoTime() - installStarted) / 1e9;
            Path siteFile = work.resolve("sites.txt");
            Files.write(siteFile, sites);

            // 1. Token API against a trivial endpoint of the same server, tokens expiring every 15 s
            wrk(siteFile, "/health/live", Duration.ofSeconds(10), false); // warm-up
            wrk(siteFile, null, Duration.ofSeconds(10), true);            // warm-up
            int callsBefore = wix.calls().size();
            long refreshesBefore = wix.refreshCalls();
            long refusedBefore = wix.refusedRefreshCalls();
            Wrk tokens = wrk(siteFile, null, RUN, true);
            long refreshes = wix.refreshCalls() - refreshesBefore;
            long refused = wix.refusedRefreshCalls() - refusedBefore;
            long mostForOneSite = wix.mostRefreshesForOneSite(callsBefore);
            Wrk trivial = wrk(siteFile, "/health/live", RUN, false);
            double lifetimes = (double) RUN.toSeconds() / TOKEN_LIFETIME_SECONDS;
            long rssAfterTokens = server.residentMiB();

            // 3. Memory with 100,000 installations, every one served a token
            insertSites(MANY_SITES - sites.size(), wix);
            List<String> all = allSites();
            AtomicInteger served = new AtomicInteger();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long manyStarted = System.nanoTime();
            runConcurrently(32, all.size(), i -> {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(SERVER + "/api/installations/"
                                + all.get(i) + "/access-token")).header("Authorization", "Bearer " + Deployments.API_KEY)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    served.incrementAndGet();
                }
            });
            double manySeconds = (System.nanoTime() - manyStarted) / 1e9;
            long rssMany = server.residentMiB();

            results.append(report(installNanos, installSeconds, tokens, trivial, refreshes, refused, mostForOneSite, lifetimes,
                    rssAfterTokens, all.size(), served.get(), manySeconds, rssMany));
        }
        Path out = Path.of(System.getProperty("bench.results", "bench/RESULTS.md"));
        Files.writeString(out, results.toString());
        System.out.println(results);
        System.exit(0);
    }

    // ----- the load generator

    record Wrk(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long errors, String raw) {
    }

    private static Wrk wrk(Path sites, String getPath, Duration duration, boolean tokens) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c200", "-d" + duration.toSeconds() + "s",
                "--latency", "--timeout", "30s"));
        if (tokens) {
            command.addAll(List.of("-s", "bench/token.lua"));
        }
        command.add(SERVER + (getPath == null ? "/" : getPath));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("WB_SITES", sites.toAbsolutePath().toString());
        builder.environment().put("WB_API_KEY", Deployments.API_KEY);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return new Wrk(number(output, "Requests/sec:\\s+([0-9.]+)"), millis(output, "50%"), millis(output, "99%"),
                (long) number(output, "([0-9]+) requests in"),
                (long) (number(output, "Non-2xx or 3xx responses: ([0-9]+)") + socketErrors(output)), output);
    }

    private static double millis(String output, String percentile) {
        Matcher matcher = Pattern.compile(percentile + "\\s+([0-9.]+)(us|ms|s)").matcher(output);
        if (!matcher.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static double number(String output, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(output);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static long socketErrors(String output) {
        Matcher matcher = Pattern.compile("Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)")
                .matcher(output);
        if (!matcher.find()) {
            return 0;
        }
        long sum = 0;
        for (int i = 1; i <= 4; i++) {
            sum += Long.parseLong(matcher.group(i));
        }
        return sum;
    }

    // ----- data

    /** Installations written straight to the database, with refresh tokens the fake honours and expired access tokens. */
    private static void insertSites(int count, FakeWix wix) throws Exception {
        try (Connection connection = DriverManager.getConnection(Deployments.DATABASE.url(), Deployments.DATABASE.user(), "");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO installation (instance_id, status, token_key_id,"
                     + " refresh_token_sealed, access_token_sealed, access_token_expires_at, installed_at, updated_at, version)"
                     + " VALUES (?, 'ACTIVE', ?, ?, ?, ?, ?, ?, 1)")) {
            connection.setAutoCommit(false);
            OffsetDateTime expired = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10);
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                insert.setString(1, id);
                insert.setString(2, SealedTokens.FIRST_KEY_ID);
                insert.setString(3, SealedTokens.seal(id, "refresh", wix.refreshTokenForNewSite(id)));
                insert.setString(4, SealedTokens.seal(id, "access", "expired-" + id));
                insert.setObject(5, expired);
                insert.setObject(6, expired);
                insert.setObject(7, expired);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private static List<String> allSites() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(Deployments.DATABASE.url(), Deployments.DATABASE.user(), "");
             var rs = connection.createStatement().executeQuery("SELECT instance_id FROM installation")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    // ----- plumbing

    private interface Job {
        void run(int index) throws Exception;
    }

    private static void runConcurrently(int threads, int count, Job job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    job.run(i);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
    }

    private static Map<String, String> environment() {
        Map<String, String> settings = Deployments.fakeWixSettings();
        settings.put("wix.redirect-url", SERVER + "/oauth/callback");
        settings.put("wix.access-token-ttl-seconds", String.valueOf(60 + TOKEN_LIFETIME_SECONDS));
        return Deployments.asEnvironment(settings);
    }

    private static String report(List<Long> installNanos, double installSeconds, Wrk tokens, Wrk trivial, long refreshes,
                                 long refused, long mostForOneSite, double lifetimes, long rssAfterTokens, int manySites, int served,
                                 double manySeconds, long rssMany) {
        List<Long> sorted = new ArrayList<>(installNanos);
        Collections.sort(sorted);
        double p50 = sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
        return """
                # Benchmark results

                Measured in one run of `%s` on %s, %s.
                Server: Payara Micro %s (`-Xmx384m -XX:+UseSerialGC`), the built WAR, PostgreSQL on the same
                machine; load from wrk 4.1 (2 threads, 200 connections) and from the fake Wix of the tests, all
                on the same 2 cores, so client, server, database and fake Wix compete for them.

                ## 1. Token API (`POST /api/installations/{id}/access-token`), %d sites, %d s

                Access tokens live %d s here (`WIX_ACCESS_TOKEN_TTL_SECONDS=%d` with the 60 s refresh skew), so
                each site's token expired about %.0f times during the run.

                | endpoint | requests/s | p50 | p99 | non-2xx or socket errors |
                | --- | --- | --- | --- | --- |
                | token API | %.0f | %.2f ms | %.2f ms | %d |
                | trivial (`GET /health/live`) | %.0f | %.2f ms | %.2f ms | %d |
                | ratio token / trivial | %.2f× throughput | %.2f× | %.2f× | |

                Upstream refreshes: %d for %d sites over %.1f token lifetimes = **%.3f per site per token
                lifetime** (target 1); refreshes refused as `invalid_grant`: **%d**; the most refreshes any one
                site made in the run: **%d** (at most %.0f possible without a duplicate). A site is refreshed when
                its token has less than the skew left, so the period is the lifetime plus the refresh's own
                latency under this load: a count a little under 1 per nominal lifetime means no duplicates.

                ## 4. The same workload refreshing on every call (what Wix's own SDK does)

                One upstream call per token request: **%d** calls to Wix's token endpoint in %d s, against %d
                here (%.0f× fewer). Counted from the requests served, not replayed.

                ## 2. Install handshake (App URL → consent → Redirect URL, 16 browsers at once)

                %d installs in %.1f s = **%.0f installs/s**; per install (three requests, code exchange and
                instance check at the fake Wix, one transaction): p50 %.1f ms, p99 %.1f ms.

                ## 3. Memory

                Server RSS after the token run (1,000 sites): **%d MiB**. After storing %,d installations and
                serving a token for each (%,d served in %.0f s, each a refresh at the fake Wix): **%d MiB**.
                """.formatted("mvn -B -Pbench verify", machine(), Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
                System.getProperty("payara.version", "6"), SITES, RUN.toSeconds(), TOKEN_LIFETIME_SECONDS,
                60 + TOKEN_LIFETIME_SECONDS, lifetimes,
                tokens.requestsPerSecond(), tokens.p50Millis(), tokens.p99Millis(), tokens.errors(),
                trivial.requestsPerSecond(), trivial.p50Millis(), trivial.p99Millis(), trivial.errors(),
                tokens.requestsPerSecond() / trivial.requestsPerSecond(), tokens.p50Millis() / trivial.p50Millis(),
                tokens.p99Millis() / trivial.p99Millis(),
                refreshes, SITES, lifetimes, refreshes / (SITES * lifetimes), refused, mostForOneSite, Math.ceil(lifetimes),
                tokens.requests(), RUN.toSeconds(), refreshes, refreshes == 0 ? 0 : (double) tokens.requests() / refreshes,
                installNanos.size(), installSeconds, installNanos.size() / installSeconds, p50, p99,
                rssAfterTokens, manySites, served, manySeconds, rssMany);
    }

    private static String machine() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
            long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
            return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + (memKb / 1024 / 1024) + " GiB, Java "
                    + System.getProperty("java.version");
        } catch (IOException e) {
            return "unknown machine";
        }
    }
}
