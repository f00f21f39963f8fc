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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.DoubleStream;

import dev.wixbridge.testing.Browser;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.SealedTokens;
import dev.wixbridge.testing.ServerProcess;
import dev.wixbridge.token.control.TokenSettings;

/**
 * The benchmarks of bench/README.md, in one run on this machine: a Payara Micro server with the
 * built WAR on PostgreSQL, the fake Wix, and wrk as the load generator. Writes bench/RESULTS.md.
 * Not a test: nothing here asserts a time.
 */
public final class Benchmarks {

    private static final int PORT = 18085;
    private static final String SERVER = "http://localhost:" + PORT;
    private static final int SITES = 1_000;
    private static final int BROWSERS = 16;
    private static final int WARM_UP_INSTALLS = 1_000;
    /** Section 2's second measurement: this many more installs first, then the measured ones. */
    private static final int STEADY_WARM_UP_INSTALLS = 6_000;
    private static final int STEADY_INSTALLS = 3_000;
    /** The baseline of the token API: a small page of the same server, through the same JAX-RS stack. */
    private static final String TRIVIAL = "/";
    private static final int MANY_SITES = Integer.getInteger("bench.many-sites", 100_000);
    /** Section 3's steps: a tenth of {@link #MANY_SITES}, then all of them (the sizing table's first rows). */
    private static final List<Integer> SIZES = List.of(MANY_SITES / 10, MANY_SITES);
    /** Section 8's table size (0 leaves the section out); tokens are served for {@link #SCALE_SERVED} of them. */
    private static final int SCALE_SITES = Integer.getInteger("bench.scale-sites", 1_000_000);
    private static final int SCALE_SERVED = 10_000;
    private static final int LIST_PAGE = 100;
    private static final int LIST_CALLS = 200;
    /** The server refreshes a token this long before it expires (its default refresh skew). */
    private static final long REFRESH_SKEW_SECONDS = TokenSettings.DEFAULT_REFRESH_SKEW_SECONDS;
    private static final int TOKEN_LIFETIME_SECONDS = 15; // ttl 75 s minus the refresh skew
    /**
     * The settings server-config/README.md recommends for a small server, plus Native Memory
     * Tracking so the report can say where the memory goes (it costs a little of it).
     */
    private static final List<String> SERVER_OPTIONS = List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TrimNativeHeapInterval=5000",
            "-XX:NativeMemoryTracking=summary");
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 60));
    private static final int FLOOD_CALLERS = 400;

    private Benchmarks() {
    }

    public static void main(String[] args) {
        int status = 1;
        try {
            run();
            status = 0;
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
        } finally {
            // The fake Wix's and the HTTP clients' threads would keep the JVM (and Maven) waiting.
            System.exit(status);
        }
    }

    private static void run() throws Exception {
        System.setProperty("it.db", "postgresql");
        Path work = Path.of(System.getProperty("it.work", "target/bench"));
        Files.createDirectories(work);
        FakeWix wix = FakeWix.shared();
        wix.reset(SERVER + "/oauth/callback");
        StringBuilder results = new StringBuilder();

        try (ServerProcess server = ServerProcess.start("bench", PORT, environment(), serverOptions())) {
            long pid = server.pid();

            // 2. Install handshake: a warm-up round first (the server compiles its code on first
            // use), then the measured installs, whose sites the token benchmark uses.
            install(wix, WARM_UP_INSTALLS);
            CpuTimes cpuBefore = CpuTimes.now(pid);
            Installs installs = install(wix, SITES);
            CpuTimes installCpu = CpuTimes.now(pid).since(cpuBefore).per(installs.sites().size());
            List<String> sites = installs.sites();
            System.out.printf("bench: %d installs in %.1f s%n", sites.size(), installs.seconds());
            Path siteFile = work.resolve("sites.txt");
            Files.write(siteFile, sites);

            // 1. Token API against a trivial endpoint of the same server, tokens expiring every 15 s
            wrk(pid, siteFile, TRIVIAL, Duration.ofSeconds(10), false); // warm-up
            wrk(pid, siteFile, null, Duration.ofSeconds(10), true);     // warm-up
            int callsBefore = wix.calls().size();
            long refreshesBefore = wix.refreshCalls();
            long refusedBefore = wix.refusedRefreshCalls();
            Wrk tokens = wrk(pid, siteFile, null, RUN, true);
            Refreshes refreshes = new Refreshes(wix.refreshCalls() - refreshesBefore, wix.refusedRefreshCalls() - refusedBefore,
                    wix.mostRefreshesForOneSite(callsBefore), sites.size());
            Wrk trivial = wrk(pid, siteFile, TRIVIAL, RUN, false);
            Alternating alternating = alternating(pid, siteFile);
            long rssAfterTokens = server.residentMiB();

            // 2b. Installs again, now that minutes of load and thousands more installs have compiled
            // the server's code (C2 compiles a method after some ten thousand calls: one an install
            // makes once is compiled only after that many installs)
            install(wix, STEADY_WARM_UP_INSTALLS);
            CpuTimes warmBefore = CpuTimes.now(pid);
            Installs warmInstalls = install(wix, STEADY_INSTALLS);
            CpuTimes warmInstallCpu = CpuTimes.now(pid).since(warmBefore).per(warmInstalls.sites().size());

            // 1b. The token API again while forged callbacks flood the Redirect URL against a slow Wix
            InstallFlood flood = InstallFlood.start(wix, SERVER, FLOOD_CALLERS);
            Wrk tokensInFlood = wrk(pid, siteFile, null, RUN, true);
            InstallFlood.Result flooded = flood.stop(wix);

            // 3. Memory with 10,000 and then 100,000 installations, every one served a token
            List<Sized> sizes = new ArrayList<>();
            for (int size : SIZES) {
                insertSites(size - allSites().size(), wix);
                Served served = serveEach(allSites());
                sizes.add(new Sized(size, served, server.residentMiB(), JvmMemory.liveHeapMiB(pid), databaseMiB()));
            }
            Memory memory = new Memory(rssAfterTokens, sizes, JvmMemory.of(pid));

            results.append(header()).append(tokenSection(tokens, trivial, refreshes, alternating)).append(floodSection(tokens, tokensInFlood, flooded))
                    .append(comparisonSection(tokens, refreshes))
                    .append(installSection(installs, installCpu, warmInstalls, warmInstallCpu)).append(memorySection(memory));

            // 8. Scale: the table grown to a million rows; the first 1,000 sites again, then a random 10,000
            if (SCALE_SITES > 0) {
                Scale scale = scale(pid, wix, siteFile, tokens, refreshes);
                sizes.add(new Sized(scale.rows(), null, server.residentMiB(), scale.liveHeapMiB(), databaseMiB()));
                results.append(scaleSection(scale));
            }
            // 1c. Section 1's comparison again with tokens living as long as Wix's do
            results.append(wixLifetimeSection(alternating, withWixLifetimes(pid, wix, siteFile)));
            results.append(sizingSection(sizes));
        }

        // 5. The same token workload on the same sites by client credentials (wix.auth-mode=oauth).
        // The stored access tokens are expired first: those of section 8 live four hours, and the
        // server would rightly use them instead of asking Wix, so the calls counted would be none.
        expireStoredAccessTokens();
        try (ServerProcess server = ServerProcess.start("bench-oauth", PORT, oauthEnvironment(), serverOptions())) {
            long pid = server.pid();
            Path siteFile = work.resolve("sites.txt");
            int sites = Files.readAllLines(siteFile).size();
            wix.sendExpiresIn(REFRESH_SKEW_SECONDS + TOKEN_LIFETIME_SECONDS); // Wix states four hours; as short as the refresh run's here
            wrk(pid, siteFile, null, Duration.ofSeconds(10), true); // warm-up
            int callsBefore = wix.calls().size();
            long before = wix.tokenCalls("client_credentials");
            Wrk tokens = wrk(pid, siteFile, null, RUN, true);
            Refreshes calls = new Refreshes(wix.tokenCalls("client_credentials") - before, 0,
                    wix.mostTokenCallsForOneSite(callsBefore, "client_credentials"), sites);
            Wrk trivial = wrk(pid, siteFile, TRIVIAL, RUN, false);
            // From here on tokens live as long as Wix says they do (four hours): the comparisons below
            // measure what a call costs, without the refreshes that the 15 s lifetimes above add at a fixed
            // rate per second, and so a larger share per call the fewer calls a flow makes.
            wix.sendExpiresIn(FakeWix.CLIENT_CREDENTIALS_LIFETIME_SECONDS);
            wrk(pid, siteFile, null, Duration.ofSeconds(30), true); // every site's short-lived token replaced
            results.append(oauthSection(tokens, trivial, calls, alternating(pid, siteFile)));

            // 6. Webhooks: verified, stored once each; then the feed read from start to end
            webhooks(WEBHOOKS / 4); // warm-up
            CpuTimes cpuBefore = CpuTimes.now(pid);
            Rate received = webhooks(WEBHOOKS);
            CpuTimes webhookCpu = CpuTimes.now(pid).since(cpuBefore).per(WEBHOOKS);
            Rate read = readFeed();
            results.append(webhookSection(received, webhookCpu, read));

            // 7. The Wix API proxy against the same call made directly with a token from the token API
            List<String> siteList = Files.readAllLines(siteFile);
            results.append(proxySection(proxyFlows(pid, siteList), streaming(pid, wix, siteList)));
        }
        Path out = Path.of(System.getProperty("bench.results", "bench/RESULTS.md"));
        Files.writeString(out, results.toString());
        System.out.println(results);
    }

    // ----- installs

    record Installs(List<String> sites, List<Long> nanos, double seconds) {
    }

    /**
     * {@code count} installs through the whole flow by {@link #BROWSERS} browsers at once. Each
     * browser installs one site after another, keeping its connections open as a browser does,
     * with a new owner's cookies each time.
     */
    private static Installs install(FakeWix wix, int count) throws Exception {
        List<String> sites = Collections.synchronizedList(new ArrayList<>());
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<Browser> browsers = ThreadLocal.withInitial(Browser::new);
        long started = System.nanoTime();
        runConcurrently(BROWSERS, count, i -> {
            FakeWix.Site site = wix.newSite();
            Browser browser = browsers.get();
            browser.forgetCookies();
            long begun = System.nanoTime();
            HttpResponse<String> toConsent = browser.get(SERVER + "/install?token=" + site.installToken());
            if (toConsent.statusCode() != 302) {
                throw new IllegalStateException("App URL answered " + toConsent.statusCode() + " " + toConsent.headers().map()
                        + ": " + toConsent.body());
            }
            HttpResponse<String> done = browser.follow(browser.follow(toConsent));
            if (done.statusCode() == 302) {
                nanos.add(System.nanoTime() - begun);
                sites.add(site.instanceId());
            }
        });
        return new Installs(List.copyOf(sites), List.copyOf(nanos), (System.nanoTime() - started) / 1e9);
    }

    // ----- the load generator

    record Wrk(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long errors, CpuTimes cpuPerRequest) {
    }

    private static Wrk wrk(long serverPid, Path sites, String getPath, Duration duration, boolean tokens)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c200", "-d" + duration.toSeconds() + "s",
                "--latency", "--timeout", "30s"));
        if (tokens) {
            command.addAll(List.of("-s", "bench/token.lua"));
        }
        command.add(SERVER + (getPath == null ? "/" : getPath));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("WB_SITES", sites.toAbsolutePath().toString());
        builder.environment().put("WB_API_KEY", Deployments.API_KEY);
        CpuTimes before = CpuTimes.now(serverPid);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        long requests = (long) number(output, "([0-9]+) requests in");
        return new Wrk(number(output, "Requests/sec:\\s+([0-9.]+)"), millis(output, "50%"), millis(output, "99%"), requests,
                (long) (number(output, "Non-2xx or 3xx responses: ([0-9]+)") + socketErrors(output)),
                CpuTimes.now(serverPid).since(before).per(Math.max(1, requests)));
    }

    /** Rounds of each in {@link #alternating}: this VM's speed changes within a minute, and both must meet it alike. */
    private static final int ROUNDS = 6;
    private static final Duration ROUND = RUN.dividedBy(ROUNDS);

    record Alternating(Wrk tokens, Wrk trivial) {

        double cpuRatio() {
            return tokens.cpuPerRequest().serverMillis() / trivial.cpuPerRequest().serverMillis();
        }

        double p50Ratio() {
            return tokens.p50Millis() / trivial.p50Millis();
        }

        String describe() {
            return """
                    In alternating rounds (%d of each, %d s each), so that both endpoints meet this VM's changing
                    speed alike (the comparison to read across runs): the token API cost **%.3f ms** of server CPU
                    per request against %.3f ms for `GET /` = **%.2f×**; p50 %.2f ms against %.2f ms = **%.2f×**
                    (the median of the rounds' p50s).
                    """.formatted(ROUNDS, ROUND.toSeconds(), tokens.cpuPerRequest().serverMillis(),
                    trivial.cpuPerRequest().serverMillis(), cpuRatio(), tokens.p50Millis(), trivial.p50Millis(), p50Ratio());
        }
    }

    /** The token API and {@code GET /} in {@link #ROUNDS} alternating rounds each, {@link #RUN} in all for each. */
    private static Alternating alternating(long pid, Path siteFile) throws IOException, InterruptedException {
        Pair pair = alternate(pid, Load.tokens(siteFile), Load.trivial(siteFile));
        return new Alternating(pair.first(), pair.second());
    }

    /** Wix's access tokens of custom authentication live five minutes. */
    private static final long WIX_ACCESS_TOKEN_SECONDS = 300;

    private record AtWixLifetimes(Alternating rounds, long refreshes) {
    }

    /**
     * Section 1's alternating rounds with the tokens Wix gives (five minutes, four of use after the
     * skew): the 15 s lifetimes there check that a site is refreshed once per lifetime, but make the
     * rounds refresh dozens of times a second, which a server with Wix's lifetimes does not.
     */
    private static AtWixLifetimes withWixLifetimes(long pid, FakeWix wix, Path siteFile) throws IOException, InterruptedException {
        wix.sendExpiresIn(WIX_ACCESS_TOKEN_SECONDS);
        wrk(pid, siteFile, null, Duration.ofSeconds(20), true); // every 15 s token replaced by a five-minute one
        long before = wix.refreshCalls();
        Alternating rounds = alternating(pid, siteFile);
        return new AtWixLifetimes(rounds, wix.refreshCalls() - before);
    }

    private static String wixLifetimeSection(Alternating shortLived, AtWixLifetimes wixLifetimes) {
        return """

                ## 1c. Token API against `GET /` with Wix's token lifetime

                Section 1's alternating rounds again, on the same server at the end of its run, once the fake Wix
                states Wix's five minutes (`expires_in` %d, so %d s of use after the skew; any 15 s token left was
                replaced first). Refreshes during these rounds: %d (at 1,000 sites a refresh every four
                minutes each is about four a second, against section 1's %.0f).

                %s
                Section 1's rounds cost %.3f ms per token request: the refreshes of its 15 s lifetimes add
                %.3f ms to each.
                """.formatted(WIX_ACCESS_TOKEN_SECONDS, WIX_ACCESS_TOKEN_SECONDS - REFRESH_SKEW_SECONDS, wixLifetimes.refreshes(),
                SITES / (double) TOKEN_LIFETIME_SECONDS, wixLifetimes.rounds().describe(),
                shortLived.tokens().cpuPerRequest().serverMillis(),
                shortLived.tokens().cpuPerRequest().serverMillis() - wixLifetimes.rounds().tokens().cpuPerRequest().serverMillis());
    }

    /** What wrk sends: the token API for the sites of a file, or {@code GET} of a path. */
    private record Load(Path sites, String path, boolean tokens) {

        static Load tokens(Path sites) {
            return new Load(sites, null, true);
        }

        static Load trivial(Path sites) {
            return new Load(sites, TRIVIAL, false);
        }
    }

    private record Pair(Wrk first, Wrk second) {
    }

    /** Two loads in {@link #ROUNDS} alternating rounds each, {@link #RUN} in all for each. */
    private static Pair alternate(long pid, Load first, Load second) throws IOException, InterruptedException {
        List<Wrk> firsts = new ArrayList<>();
        List<Wrk> seconds = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            firsts.add(wrk(pid, first.sites(), first.path(), ROUND, first.tokens()));
            seconds.add(wrk(pid, second.sites(), second.path(), ROUND, second.tokens()));
        }
        return new Pair(combined(firsts), combined(seconds));
    }

    /** Rounds as one run: requests and CPU summed, p50 the median of the rounds', p99 the highest. */
    private static Wrk combined(List<Wrk> rounds) {
        long requests = rounds.stream().mapToLong(Wrk::requests).sum();
        double seconds = rounds.stream().mapToDouble(round -> round.requests() / round.requestsPerSecond()).sum();
        CpuTimes cpu = rounds.stream().map(round -> round.cpuPerRequest().times(round.requests()))
                .reduce(CpuTimes::plus).orElseThrow().per(requests);
        return new Wrk(requests / seconds, median(rounds.stream().mapToDouble(Wrk::p50Millis)),
                rounds.stream().mapToDouble(Wrk::p99Millis).max().orElse(0), requests,
                rounds.stream().mapToLong(Wrk::errors).sum(), cpu);
    }

    private static double median(DoubleStream values) {
        double[] sorted = values.sorted().toArray();
        return sorted[sorted.length / 2];
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

    // ----- webhooks

    private static final int WEBHOOKS = Integer.getInteger("bench.webhooks", 4_000);

    record Rate(int count, double seconds) {
        double perSecond() {
            return count / seconds;
        }
    }

    /** {@code count} distinct events, signed beforehand, posted by 16 clients at once. */
    private static Rate webhooks(int count) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bodies.add(dev.wixbridge.testing.WebhookSigner.webhook(dev.wixbridge.testing.WebhookSigner.Event.of(
                    "wix.bench.v1.thing_created", null, "{\"id\":\"" + UUID.randomUUID() + "\",\"entityId\":\"e\"}")));
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger accepted = new AtomicInteger();
        long started = System.nanoTime();
        runConcurrently(16, count, i -> {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(SERVER + "/webhooks/wix"))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                accepted.incrementAndGet();
            }
        });
        return new Rate(accepted.get(), (System.nanoTime() - started) / 1e9);
    }

    /** The whole feed, 500 events a page, as one consumer reads it. */
    private static Rate readFeed() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String after = "";
        int events = 0;
        long started = System.nanoTime();
        while (true) {
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(SERVER + "/api/events?limit=500"
                            + (after.isEmpty() ? "" : "&after=" + after))).header("Authorization", "Bearer " + Deployments.API_KEY)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            jakarta.json.JsonObject json;
            try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(page.body()))) {
                json = reader.readObject();
            }
            int items = json.getJsonArray("items").size();
            if (items == 0) {
                break;
            }
            events += items;
            after = json.getString("next");
        }
        return new Rate(events, (System.nanoTime() - started) / 1e9);
    }

    // ----- the Wix API proxy

    private static final int PROXY_CLIENTS = 16;
    private static final int PROXY_CALLS = Integer.getInteger("bench.proxy-calls", 20_000);
    private static final String WIX_PATH = "/bench/v1/things?fields=name";

    record Flow(String name, double callsPerSecond, double p50Millis, double p99Millis, long failures, CpuTimes cpuPerCall) {
    }

    /** One call of a flow, as the team's software would make it; true when it got what it wanted. */
    private interface Call {
        boolean make(HttpClient client, String site) throws Exception;
    }

    /**
     * The three flows with one harness (16 clients, kept-alive connections, random sites), each warmed
     * up and then run for {@link #PROXY_CALLS} calls: the token API alone, the token API and then the
     * Wix call made directly (what callers do without the proxy), and the proxied call.
     */
    private static List<Flow> proxyFlows(long pid, List<String> sites) throws Exception {
        Call token = (client, site) -> tokenFor(client, site) != null;
        Call direct = (client, site) -> {
            String accessToken = tokenFor(client, site);
            return accessToken != null && client.send(HttpRequest.newBuilder(URI.create(FakeWix.baseUrl() + WIX_PATH))
                    .header("Authorization", accessToken).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        };
        Call proxied = (client, site) -> client.send(HttpRequest.newBuilder(URI.create(SERVER + "/api/installations/" + site
                        + "/wix" + WIX_PATH)).header("Authorization", "Bearer " + Deployments.API_KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        List<Map.Entry<String, Call>> calls = List.of(Map.entry("token API only", token),
                Map.entry("token API, then Wix directly", direct), Map.entry("proxied GET", proxied));
        for (Map.Entry<String, Call> flow : calls) {
            measure(pid, sites, flow.getValue(), PROXY_CALLS / 4, flow.getKey()); // warm-up
        }
        // in alternating rounds, as in section 1: the flows are compared, so they must meet the VM's speed alike
        Map<String, List<Flow>> rounds = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, Call> flow : calls) {
                rounds.computeIfAbsent(flow.getKey(), name -> new ArrayList<>())
                        .add(measure(pid, sites, flow.getValue(), PROXY_CALLS / ROUNDS, flow.getKey()));
            }
        }
        return rounds.values().stream().map(Benchmarks::combinedFlow).toList();
    }

    /** Rounds of one flow as one (each of {@code PROXY_CALLS / ROUNDS} calls): as {@link #combined} does for wrk's rounds. */
    private static Flow combinedFlow(List<Flow> rounds) {
        int callsEach = PROXY_CALLS / ROUNDS;
        double seconds = rounds.stream().mapToDouble(round -> callsEach / round.callsPerSecond()).sum();
        CpuTimes cpu = rounds.stream().map(Flow::cpuPerCall).reduce(CpuTimes::plus).orElseThrow().per(rounds.size());
        return new Flow(rounds.get(0).name(), callsEach * rounds.size() / seconds, median(rounds.stream().mapToDouble(Flow::p50Millis)),
                rounds.stream().mapToDouble(Flow::p99Millis).max().orElse(0), rounds.stream().mapToLong(Flow::failures).sum(), cpu);
    }

    private static String tokenFor(HttpClient client, String site) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(SERVER + "/api/installations/" + site
                        + "/access-token")).header("Authorization", "Bearer " + Deployments.API_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return null;
        }
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(response.body()))) {
            return reader.readObject().getString("accessToken");
        }
    }

    private static Flow measure(long pid, List<String> sites, Call call, int count, String name) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        java.util.Random random = new java.util.Random(42);
        CpuTimes before = CpuTimes.now(pid);
        long started = System.nanoTime();
        runConcurrently(PROXY_CLIENTS, count, i -> {
            String site;
            synchronized (random) {
                site = sites.get(random.nextInt(sites.size()));
            }
            long begun = System.nanoTime();
            if (call.make(client, site)) {
                nanos.add(System.nanoTime() - begun);
            } else {
                failures.incrementAndGet();
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuTimes cpu = CpuTimes.now(pid).since(before).per(count);
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return new Flow(name, count / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99), failures.get(), cpu);
    }

    private static double percentile(List<Long> sorted, double fraction) {
        return sorted.isEmpty() ? Double.NaN
                : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * fraction) - 1)) / 1e6;
    }

    record Streaming(int callers, long bytesEach, int passed, double seconds, long liveBeforeMiB, long peakUsedMiB,
                     long liveAfterMiB) {
    }

    /** 20 callers at once, each streaming a 50 MiB answer through the proxy; the server's heap sampled meanwhile. */
    private static Streaming streaming(long pid, FakeWix wix, List<String> sites) throws Exception {
        int callers = 20;
        long size = 50L << 20;
        long liveBefore = JvmMemory.liveHeapMiB(pid);
        FakeWix.ApiAnswer[] answers = new FakeWix.ApiAnswer[callers];
        java.util.Arrays.fill(answers, FakeWix.ApiAnswer.large(size));
        wix.answerApiCalls(answers);
        java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(JvmMemory.heapUsedMiB(pid), Math::max);
            }
        });
        sampler.start();
        AtomicInteger passed = new AtomicInteger();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long started = System.nanoTime();
        runConcurrently(callers, callers, i -> {
            HttpResponse<java.io.InputStream> response = client.send(HttpRequest.newBuilder(URI.create(SERVER
                            + "/api/installations/" + sites.get(i) + "/wix/bench/v1/large"))
                    .header("Authorization", "Bearer " + Deployments.API_KEY).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream in = response.body()) {
                if (response.statusCode() == 200 && dev.wixbridge.testing.LargeBody.sha256(in).length() == size) {
                    passed.incrementAndGet();
                }
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        running.set(false);
        sampler.join();
        return new Streaming(callers, size, passed.get(), seconds, liveBefore, peak.get(), JvmMemory.liveHeapMiB(pid));
    }

    // ----- scale

    record Scale(int rows, double insertSeconds, Wrk sameSites, Refreshes sameRefreshes, Pair randomAgainstSame,
                 long liveHeapMiB, double firstPageP50, double lastPageP50, Wrk small, Refreshes smallRefreshes) {
    }

    /**
     * Grows the table to {@link #SCALE_SITES} rows (straight into PostgreSQL), then serves tokens
     * for the 1,000 sites of section 1 (the same work as there, on a table a thousand times
     * larger), then a random {@link #SCALE_SERVED} of the rows against those 1,000 in alternating
     * rounds, and times the installations list's first and last pages of {@value #LIST_PAGE}.
     */
    private static Scale scale(long pid, FakeWix wix, Path siteFile, Wrk small, Refreshes smallRefreshes) throws Exception {
        long started = System.nanoTime();
        insertSites(SCALE_SITES - countSites(), wix);
        double insertSeconds = (System.nanoTime() - started) / 1e9;
        int rows = countSites();

        wrk(pid, siteFile, null, Duration.ofSeconds(10), true); // warm-up
        Measured same = measuredTokens(pid, wix, siteFile, SITES);

        // Ten times the sites at 15 s lifetimes would be ten times the refreshes per second at the
        // same request rate: that measures the refresh rate, not what a call costs on a large table.
        // Both runs get Wix's four-hour tokens here, so neither refreshes while measured.
        Path randomFile = siteFile.resolveSibling("random-sites.txt");
        List<String> random = randomSites(SCALE_SERVED);
        Files.write(randomFile, random);
        wix.sendExpiresIn(FakeWix.CLIENT_CREDENTIALS_LIFETIME_SECONDS);
        serveEach(random); // each random site's first refresh
        wrk(pid, siteFile, null, Duration.ofSeconds(30), true); // every short-lived token of section 1's sites replaced
        wrk(pid, randomFile, null, Duration.ofSeconds(10), true); // warm-up
        Pair randomAgainstSame = alternate(pid, Load.tokens(randomFile), Load.tokens(siteFile));
        long liveHeap = JvmMemory.liveHeapMiB(pid);

        double firstPage = listP50(null);
        double lastPage = listP50(cursorOfLastPage());
        return new Scale(rows, insertSeconds, same.wrk(), same.refreshes(), randomAgainstSame, liveHeap,
                firstPage, lastPage, small, smallRefreshes);
    }

    private record Measured(Wrk wrk, Refreshes refreshes) {
    }

    private static Measured measuredTokens(long pid, FakeWix wix, Path siteFile, int sites) throws Exception {
        int callsBefore = wix.calls().size();
        long refreshesBefore = wix.refreshCalls();
        long refusedBefore = wix.refusedRefreshCalls();
        Wrk run = wrk(pid, siteFile, null, RUN, true);
        return new Measured(run, new Refreshes(wix.refreshCalls() - refreshesBefore, wix.refusedRefreshCalls() - refusedBefore,
                wix.mostRefreshesForOneSite(callsBefore), sites));
    }

    /** The median of {@value #LIST_CALLS} calls, one after another, for the page after {@code after} (null: the first). */
    private static double listP50(String after) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String uri = SERVER + "/api/installations?limit=" + LIST_PAGE + (after == null ? "" : "&after=" + after);
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < LIST_CALLS + LIST_CALLS / 4; i++) {
            long begun = System.nanoTime();
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(uri))
                    .header("Authorization", "Bearer " + Deployments.API_KEY).build(), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200 || !page.body().contains("instanceId")) {
                throw new IllegalStateException("installations list answered " + page.statusCode());
            }
            if (i >= LIST_CALLS / 4) { // the first quarter warms up
                nanos.add(System.nanoTime() - begun);
            }
        }
        Collections.sort(nanos);
        return nanos.get(nanos.size() / 2) / 1e6;
    }

    /** The API's cursor (base64url of the last instance id of the page before) that opens the list's last full page. */
    private static String cursorOfLastPage() throws Exception {
        try (Connection connection = DriverManager.getConnection(Deployments.DATABASE.url(), Deployments.DATABASE.user(), "");
             var rs = connection.createStatement().executeQuery("SELECT instance_id FROM installation ORDER BY instance_id DESC"
                     + " OFFSET " + LIST_PAGE + " LIMIT 1")) {
            rs.next();
            return java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(rs.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static int countSites() throws Exception {
        try (Connection connection = DriverManager.getConnection(Deployments.DATABASE.url(), Deployments.DATABASE.user(), "");
             var rs = connection.createStatement().executeQuery("SELECT count(*) FROM installation")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> randomSites(int count) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(Deployments.DATABASE.url(), Deployments.DATABASE.user(), "");
             var rs = connection.createStatement().executeQuery("SELECT instance_id FROM installation WHERE status = 'ACTIVE'"
                     + " ORDER BY random() LIMIT " + count)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static String scaleSection(Scale scale) {
        double sameRatio = scale.sameSites().cpuPerRequest().serverMillis() / scale.small().cpuPerRequest().serverMillis();
        Wrk random = scale.randomAgainstSame().first();
        Wrk same = scale.randomAgainstSame().second();
        double randomRatio = random.cpuPerRequest().serverMillis() / same.cpuPerRequest().serverMillis();
        return """

                ## 8. Scale: %,d installations

                The table grown to %,d rows (written straight to PostgreSQL in %.0f s, sealed tokens the fake Wix
                honours), then the token run of section 1 again on the same sites: the same work on a table a
                thousand times larger.

                | token API, 15 s lifetimes | sites served | requests/s | p50 | p99 | errors | refreshes per site per lifetime | server CPU per request | against section 1 |
                | --- | --- | --- | --- | --- | --- | --- | --- | --- |
                | section 1, %,d rows | %,d | %.0f | %.2f ms | %.2f ms | %d | %.3f | %.3f ms | 1.00× |
                | %,d rows, the same sites | %,d | %.0f | %.2f ms | %.2f ms | %d | %.3f | %.3f ms | %.2f× |

                Then a random %,d of the rows against those sites, in alternating rounds (%d of each, %d s each).
                At 15 s lifetimes ten times the sites would be ten times the refreshes per second at the same
                request rate, a cost per site and lifetime (the refresh's, section 1) rather than per call; both
                runs here have Wix's four-hour tokens, so neither refreshes while measured:

                | token API, four-hour tokens | sites served | requests/s | p50 | p99 | errors | server CPU per request | against the same sites |
                | --- | --- | --- | --- | --- | --- | --- | --- |
                | %,d rows, section 1's sites | %,d | %.0f | %.2f ms | %.2f ms | %d | %.3f ms | 1.00× |
                | %,d rows, random sites | %,d | %.0f | %.2f ms | %.2f ms | %d | %.3f ms | **%.2f×** |

                Heap live set after the random-site runs: **%d MiB** (target at most 128). The installations
                list (`GET /api/installations?limit=%d`, one caller, %d calls each): first page p50 **%.2f ms**,
                last page p50 **%.2f ms** (%.2f× the first; target at most 2×): the list pages by instance id
                through the primary key, so the last page costs what the first does.
                """.formatted(scale.rows(), scale.rows(), scale.insertSeconds(),
                SITES + WARM_UP_INSTALLS, scale.smallRefreshes().sites(), scale.small().requestsPerSecond(), scale.small().p50Millis(),
                scale.small().p99Millis(), scale.small().errors(), scale.smallRefreshes().perSitePerLifetime(),
                scale.small().cpuPerRequest().serverMillis(),
                scale.rows(), scale.sameRefreshes().sites(), scale.sameSites().requestsPerSecond(), scale.sameSites().p50Millis(),
                scale.sameSites().p99Millis(), scale.sameSites().errors(), scale.sameRefreshes().perSitePerLifetime(),
                scale.sameSites().cpuPerRequest().serverMillis(), sameRatio,
                SCALE_SERVED, ROUNDS, ROUND.toSeconds(),
                scale.rows(), SITES, same.requestsPerSecond(), same.p50Millis(), same.p99Millis(), same.errors(),
                same.cpuPerRequest().serverMillis(),
                scale.rows(), SCALE_SERVED, random.requestsPerSecond(), random.p50Millis(), random.p99Millis(), random.errors(),
                random.cpuPerRequest().serverMillis(), randomRatio,
                scale.liveHeapMiB(), LIST_PAGE, LIST_CALLS, scale.firstPageP50(), scale.lastPageP50(),
                scale.lastPageP50() / scale.firstPageP50());
    }

    // ----- data

    /** A token for every site, by 32 clients at once. */
    private static Served serveEach(List<String> sites) throws Exception {
        AtomicInteger served = new AtomicInteger();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long started = System.nanoTime();
        runConcurrently(32, sites.size(), i -> {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(SERVER + "/api/installations/"
                            + sites.get(i) + "/access-token")).header("Authorization", "Bearer " + Deployments.API_KEY)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                served.incrementAndGet();
            }
        });
        return new Served(sites.size(), served.get(), (System.nanoTime() - started) / 1e9);
    }

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

    private static void expireStoredAccessTokens() throws Exception {
        try (Connection connection = DriverManager.getConnection(Deployments.DATABASE.url(), Deployments.DATABASE.user(), "");
             PreparedStatement expire = connection.prepareStatement("UPDATE installation SET access_token_expires_at = ?")) {
            expire.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10));
            expire.executeUpdate();
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

    /** The server's JVM options; {@code -Dbench.server-options="-XX:StartFlightRecording=…"} adds some, e.g. to profile. */
    private static List<String> serverOptions() {
        List<String> options = new ArrayList<>(SERVER_OPTIONS);
        String extra = System.getProperty("bench.server-options", "").strip();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        return options;
    }

    /** The same server in oauth mode: tokens by client credentials, the fake Wix stating their lifetime. */
    private static Map<String, String> oauthEnvironment() {
        Map<String, String> environment = environment();
        environment.put("WIX_AUTH_MODE", "oauth");
        return environment;
    }

    private static Map<String, String> environment() {
        Map<String, String> settings = Deployments.fakeWixSettings();
        settings.put("wix.redirect-url", SERVER + "/oauth/callback");
        settings.put("wix.access-token-ttl-seconds", String.valueOf(REFRESH_SKEW_SECONDS + TOKEN_LIFETIME_SECONDS));
        Map<String, String> environment = Deployments.asEnvironment(settings);
        environment.put("MALLOC_ARENA_MAX", "2"); // see server-config/README.md, "Memory"
        return environment;
    }

    // ----- the report, a section per benchmark

    record Refreshes(long count, long refused, long mostForOneSite, int sites) {

        double lifetimes() {
            return (double) RUN.toSeconds() / TOKEN_LIFETIME_SECONDS;
        }

        double perSitePerLifetime() {
            return count / (sites * lifetimes());
        }
    }

    record Served(int sites, int served, double seconds) {
    }

    /** One row of the sizing table; {@code served} is null where tokens went to a sample of the sites (section 8). */
    record Sized(int sites, Served served, long rssMiB, long liveHeapMiB, long databaseMiB) {
    }

    record Memory(long rssAfterTokensMiB, List<Sized> sizes, JvmMemory jvm) {

        Sized largest() {
            return sizes.get(sizes.size() - 1);
        }
    }

    private static String header() {
        return """
                # Benchmark results

                Measured in one run of `bash bench/run` (`mvn -B -Pbench verify`) on %s, %s.
                Server: Payara Micro %s (`%s`, `MALLOC_ARENA_MAX=2`), the built WAR, PostgreSQL on the same machine (a pool of
                16 connections); load from wrk (2 threads, 200 connections) and from the fake Wix of the tests,
                all on the same 2 cores, so client, server, database and fake Wix compete for them.
                """.formatted(machine(), Instant.now().truncatedTo(ChronoUnit.MINUTES), System.getProperty("payara.version", "6"),
                String.join(" ", serverOptions()));
    }

    private static String tokenSection(Wrk tokens, Wrk trivial, Refreshes refreshes, Alternating alternating) {
        return """

                ## 1. Token API (`POST /api/installations/{id}/access-token`), %d sites, %d s

                Access tokens live %d s here (`WIX_ACCESS_TOKEN_TTL_SECONDS=%d` with the 60 s refresh skew), so
                each site's token expired about %.0f times during the run. The trivial endpoint is the home
                page (`GET /`): a small JAX-RS resource of the same WAR, through the same filters.

                | endpoint | requests/s | p50 | p99 | non-2xx or socket errors | server CPU per request |
                | --- | --- | --- | --- | --- | --- |
                | token API | %.0f | %.2f ms | %.2f ms | %d | %.2f ms |
                | trivial (`GET /`) | %.0f | %.2f ms | %.2f ms | %d | %.2f ms |
                | ratio token / trivial | %.2f× throughput | %.2f× | %.2f× | | %.2f× |

                With 200 connections both runs keep the two cores busy, so each latency is mostly the
                queue in front of the server: the CPU per request says what one request costs. The token
                run's CPU includes its share of the refreshes (the fake Wix's and PostgreSQL's work for
                them is not in the server's column: %.2f ms and %.2f ms per token request). Of the server's
                column, its JIT compiler threads took %.3f ms per token request and %.3f ms per `GET /`
                request: code still being compiled (the alternating rounds below come later).

                Upstream refreshes: %d for %d sites over %.1f token lifetimes = **%.3f per site per token
                lifetime** (target 1); refreshes refused as `invalid_grant`: **%d**; the most refreshes any one
                site made in the run: **%d** (at most %.0f possible without a duplicate). A site is refreshed when
                its token has less than the skew left, so the period is the lifetime plus the refresh's own
                latency under this load: a count a little under 1 per nominal lifetime means no duplicates.

                %s""".formatted(refreshes.sites(), RUN.toSeconds(), TOKEN_LIFETIME_SECONDS, REFRESH_SKEW_SECONDS + TOKEN_LIFETIME_SECONDS,
                refreshes.lifetimes(),
                tokens.requestsPerSecond(), tokens.p50Millis(), tokens.p99Millis(), tokens.errors(),
                tokens.cpuPerRequest().serverMillis(),
                trivial.requestsPerSecond(), trivial.p50Millis(), trivial.p99Millis(), trivial.errors(),
                trivial.cpuPerRequest().serverMillis(),
                tokens.requestsPerSecond() / trivial.requestsPerSecond(), tokens.p50Millis() / trivial.p50Millis(),
                tokens.p99Millis() / trivial.p99Millis(),
                tokens.cpuPerRequest().serverMillis() / trivial.cpuPerRequest().serverMillis(),
                tokens.cpuPerRequest().harnessMillis(), tokens.cpuPerRequest().databaseMillis(),
                tokens.cpuPerRequest().compilingMillis(), trivial.cpuPerRequest().compilingMillis(),
                refreshes.count(), refreshes.sites(), refreshes.lifetimes(), refreshes.perSitePerLifetime(), refreshes.refused(),
                refreshes.mostForOneSite(), Math.ceil(refreshes.lifetimes()), alternating.describe());
    }

    private static String floodSection(Wrk calm, Wrk flooded, InstallFlood.Result flood) {
        String answers = flood.callbacks().entrySet().stream()
                .map(e -> (e.getKey() < 0 ? "no answer" : String.valueOf(e.getKey())) + ": " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
        return """

                ## 1b. Token API during a flood of forged callbacks, %d s

                The same token run while %d callers at once load the App URL and then the Redirect URL with a
                forged code, each again every 2 s, and the fake Wix takes 2 s to reject a forged code
                (at most 16 callbacks wait on Wix at once; the rest are told to reload).

                | token API | requests/s | p50 | p99 | non-2xx or socket errors |
                | --- | --- | --- | --- | --- |
                | without the flood | %.0f | %.2f ms | %.2f ms | %d |
                | during the flood | %.0f | %.2f ms | %.2f ms | %d |

                The flood: %d callbacks in %.0f s (%.0f/s), answered %s; App URL loads refused as too many open: %d.
                (403: callers sharing one cookie jar, so a state from another of their browsers, refused as such.)
                No token request failed; they slowed by the CPU the flood's own requests, the fake Wix and the 400
                callers take on the same 2 cores. No callback holds a database connection while Wix is asked.
                """.formatted(RUN.toSeconds(), FLOOD_CALLERS,
                calm.requestsPerSecond(), calm.p50Millis(), calm.p99Millis(), calm.errors(),
                flooded.requestsPerSecond(), flooded.p50Millis(), flooded.p99Millis(), flooded.errors(),
                flood.total(), flood.seconds(), flood.total() / flood.seconds(), answers, flood.appUrlRefusals());
    }

    private static String oauthSection(Wrk tokens, Wrk trivial, Refreshes calls, Alternating alternating) {
        return """

                ## 5. Token API by client credentials (`WIX_AUTH_MODE=oauth`), the same %d sites, %d s

                A second server on the same database, in oauth mode: the same sites, their tokens now from
                `POST /oauth2/token` (the fake Wix states `expires_in` %d s, so %d s of use after the skew).

                | endpoint | requests/s | p50 | p99 | non-2xx or socket errors | server CPU per request |
                | --- | --- | --- | --- | --- | --- |
                | token API | %.0f | %.2f ms | %.2f ms | %d | %.2f ms |
                | trivial (`GET /`) | %.0f | %.2f ms | %.2f ms | %d | %.2f ms |

                Calls by client credentials: %d for %d sites over %.1f token lifetimes = **%.3f per site per
                token lifetime** (target 1); the most any one site made: **%d**.

                Then with tokens living Wix's four hours (every site's short-lived token replaced first), so
                that no refresh falls in what follows, sections 6 and 7 included. %s""".formatted(calls.sites(), RUN.toSeconds(), REFRESH_SKEW_SECONDS + TOKEN_LIFETIME_SECONDS, TOKEN_LIFETIME_SECONDS,
                tokens.requestsPerSecond(), tokens.p50Millis(), tokens.p99Millis(), tokens.errors(),
                tokens.cpuPerRequest().serverMillis(),
                trivial.requestsPerSecond(), trivial.p50Millis(), trivial.p99Millis(), trivial.errors(),
                trivial.cpuPerRequest().serverMillis(),
                calls.count(), calls.sites(), calls.lifetimes(), calls.perSitePerLifetime(), calls.mostForOneSite(),
                alternating.describe());
    }

    private static String webhookSection(Rate received, CpuTimes cpu, Rate read) {
        return """

                ## 6. Webhooks (`POST /webhooks/wix`) and the event feed (`GET /api/events`)

                %d distinct events, each a JWT signed with RS256 beforehand, posted by 16 clients at once to
                the oauth-mode server: **%.0f verified and stored per second** (target at least 300); each
                verified, deduplicated and stored with its feed number under the counter's lock. CPU per
                webhook: server %.2f ms, clients %.2f ms, PostgreSQL %.2f ms.

                The whole feed read by one consumer, 500 events a page: %d events in %.1f s = **%.0f events/s**.
                """.formatted(received.count(), received.perSecond(), cpu.serverMillis(), cpu.harnessMillis(),
                cpu.databaseMillis(), read.count(), read.seconds(), read.perSecond());
    }

    private static String proxySection(List<Flow> flows, Streaming streaming) {
        StringBuilder rows = new StringBuilder();
        for (Flow flow : flows) {
            rows.append("| %s | %.0f | %.2f ms | %.2f ms | %d | %.2f ms |%n".formatted(flow.name(), flow.callsPerSecond(),
                    flow.p50Millis(), flow.p99Millis(), flow.failures(), flow.cpuPerCall().serverMillis()));
        }
        Flow token = flows.get(0);
        Flow direct = flows.get(1);
        Flow proxied = flows.get(2);
        return """

                ## 7. The Wix API proxy (`GET /api/installations/{id}/wix/…`), on the oauth-mode server

                %d calls per flow by %d clients at once (kept-alive connections, random sites of the %d), after a
                warm-up of a quarter as many, in %d alternating rounds (p50 the median of the rounds'): the token
                API alone; what a caller does without the proxy (a token from the token API, then the same GET at
                the fake Wix with it); and the proxied GET (`%s`, the fake Wix's echo of the request).

                | flow | calls/s | p50 | p99 | failed | server CPU per call |
                | --- | --- | --- | --- | --- | --- |
                %s
                The proxy's own server CPU per call: **%.2f× a token API call** (target at most 1.3×); its p50
                against the two calls a caller makes without it: %.2f×.

                Streaming: %d callers at once each read a %d MiB answer through the proxy (%d passed whole, hash
                checked, in %.1f s, %.0f MiB/s in all). The server's heap (`-Xmx192m`): live set %d MiB before,
                at most %d MiB in use (garbage included) while %d MiB streamed through, live set %d MiB after.
                """.formatted(PROXY_CALLS, PROXY_CLIENTS, SITES, ROUNDS, WIX_PATH, rows,
                proxied.cpuPerCall().serverMillis() / token.cpuPerCall().serverMillis(), proxied.p50Millis() / direct.p50Millis(),
                streaming.callers(), streaming.bytesEach() >> 20, streaming.passed(), streaming.seconds(),
                (streaming.callers() * (streaming.bytesEach() >> 20)) / streaming.seconds(),
                streaming.liveBeforeMiB(), streaming.peakUsedMiB(), streaming.callers() * (streaming.bytesEach() >> 20),
                streaming.liveAfterMiB());
    }

    private static String comparisonSection(Wrk tokens, Refreshes refreshes) {
        return """

                ## 4. The same workload refreshing on every call (what Wix's own SDK does)

                One upstream call per token request: **%d** calls to Wix's token endpoint in %d s, against %d
                here (%.0f× fewer). Counted from the requests served, not replayed.
                """.formatted(tokens.requests(), RUN.toSeconds(), refreshes.count(),
                refreshes.count() == 0 ? 0 : (double) tokens.requests() / refreshes.count());
    }

    private static String installSection(Installs installs, CpuTimes cpu, Installs warm, CpuTimes warmCpu) {
        return """

                ## 2. Install handshake (App URL → consent → Redirect URL, %d browsers at once)

                After %d warm-up installs: %d installs in %.1f s = **%.0f installs/s**; per install (three requests,
                code exchange and instance check at the fake Wix, three transactions): p50 %.1f ms, p99 %.1f ms.

                CPU per install, from `/proc`: server **%.1f ms** (of which %.1f ms its JIT compiler threads'), browsers
                and fake Wix %.1f ms, PostgreSQL %.1f ms;
                %.1f ms in all, so 2 cores can complete at most %.0f installs/s with everything on them, and at
                most %.0f/s if the server had both cores to itself.

                Again after section 1 and %d more installs (minutes of load later, the install's code compiled):
                %d installs in %.1f s = **%.0f installs/s**, p50 %.1f ms, p99 %.1f ms; server **%.1f ms** per install
                (JIT %.1f ms of it, so %.1f ms without the compiler), browsers and fake Wix %.1f ms, PostgreSQL %.1f ms.
                """.formatted(BROWSERS, WARM_UP_INSTALLS, installs.sites().size(), installs.seconds(),
                installs.sites().size() / installs.seconds(), percentileMillis(installs, 0.5), percentileMillis(installs, 0.99),
                cpu.serverMillis(), cpu.compilingMillis(), cpu.harnessMillis(), cpu.databaseMillis(), cpu.totalMillis(),
                2000 / cpu.totalMillis(), 2000 / cpu.serverMillis(),
                STEADY_WARM_UP_INSTALLS, warm.sites().size(), warm.seconds(), warm.sites().size() / warm.seconds(),
                percentileMillis(warm, 0.5), percentileMillis(warm, 0.99), warmCpu.serverMillis(), warmCpu.compilingMillis(),
                warmCpu.serverMillis() - warmCpu.compilingMillis(), warmCpu.harnessMillis(), warmCpu.databaseMillis());
    }

    /** A whole install's duration at {@code fraction} of the sorted durations, in ms. */
    private static double percentileMillis(Installs installs, double fraction) {
        List<Long> sorted = new ArrayList<>(installs.nanos());
        Collections.sort(sorted);
        return percentile(sorted, fraction);
    }

    private static String memorySection(Memory memory) {
        Sized many = memory.largest();
        return """

                ## 3. Memory

                Server RSS after the token run (1,000 sites): **%d MiB**. After storing %,d installations and
                serving a token for each (%,d served in %.0f s, each a refresh at the fake Wix): **%d MiB**.

                The JVM's own account then (Native Memory Tracking, committed MiB): %d in all, %s;
                %d threads. What the heap still held after a full collection (the live set): **%d MiB**.
                """.formatted(memory.rssAfterTokensMiB(), many.sites(), many.served().served(), many.served().seconds(),
                many.rssMiB(), memory.jvm().totalMiB(), memory.jvm().largest(8), memory.jvm().threads(), many.liveHeapMiB());
    }

    private static String sizingSection(List<Sized> sizes) {
        StringBuilder rows = new StringBuilder();
        for (Sized size : sizes) {
            rows.append("| %,d | %s | %d MiB | %d MiB | %d MiB |%n".formatted(size.sites(),
                    size.served() == null ? "a random %,d (section 8)".formatted(SCALE_SERVED)
                            : "every one (%,d)".formatted(size.served().served()),
                    size.rssMiB(), size.liveHeapMiB(), size.databaseMiB()));
        }
        return """

                ## 9. Sizing

                One server (the settings above, `-Xmx192m`), as its table of installations grew in this run:
                its RSS and heap live set (after a full collection) right after serving tokens, and the
                database's size (every table and index of the product's schema, `pg_total_relation_size`).
                The sites served decide the heap (each server remembers the tokens it served in the last
                half minute), the rows decide the database.

                | installations | tokens just served for | server RSS | heap live set | database |
                | --- | --- | --- | --- | --- |
                %s""".formatted(rows);
    }

    /** The product's schema on disk: every table with its indexes and TOAST. */
    private static long databaseMiB() throws Exception {
        try (Connection connection = DriverManager.getConnection(Deployments.DATABASE.url(), Deployments.DATABASE.user(), "");
             var rs = connection.createStatement().executeQuery("SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c"
                     + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'")) {
            rs.next();
            return rs.getLong(1) / (1024 * 1024);
        }
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
