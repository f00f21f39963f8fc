package dev.wixbridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;

/**
 * A stand-in for Wix, as strict as Wix's documentation: install tokens and redirect URL
 * checked, authorization codes single use and valid ten minutes, the wrong app id or secret
 * refused, access tokens useless after five minutes (four hours by client credentials, and
 * only for sites that have the app installed). Its clock can be moved forward, and it
 * can be told to fail (5xx, 429, slow, malformed answers).
 *
 * <p>One instance serves the whole test run (the server under test is configured with its
 * URL and credentials); every test makes its own sites, so tests never share state.
 */
public final class FakeWix {

    public static final int PORT = Integer.getInteger("it.fake-wix.port", 18091);
    public static final String APP_ID = UUID.randomUUID().toString();
    /** Random per run: the log scan looks for it. */
    public static final String APP_SECRET = randomToken("secret");
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(5);
    /** What {@code /oauth2/token} states as {@code expires_in} unless told otherwise (Wix's documented 4 hours). */
    public static final long CLIENT_CREDENTIALS_LIFETIME_SECONDS = 14_400;

    private static FakeWix shared;

    private final HttpServer server;
    private final Map<String, String> installTokens = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    /** Refresh tokens that no longer work, with their site, so refusals can be told apart per site. */
    private final Map<String, String> revokedRefreshTokens = new ConcurrentHashMap<>();
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Set<String> issuedSecrets = ConcurrentHashMap.newKeySet();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Failure> tokenFailures = new ArrayDeque<>();
    private final Deque<Failure> instanceFailures = new ArrayDeque<>();
    private final Deque<Failure> clientCredentialFailures = new ArrayDeque<>();
    private final Deque<Failure> tokenInfoFailures = new ArrayDeque<>();
    /** Access tokens of Wix users looking at a dashboard page, by token. */
    private final Map<String, DashboardToken> dashboardTokens = new ConcurrentHashMap<>();
    /** Sites that have the app installed, as far as Wix knows: only they get tokens by client credentials. */
    private final Set<String> installedApps = ConcurrentHashMap.newKeySet();

    private volatile String expectedRedirectUrl;
    private volatile String acceptedSecret = APP_SECRET;
    private volatile Duration clockSkew = Duration.ZERO;
    private volatile Duration tokenDelay = Duration.ZERO;
    private volatile Duration unknownCodeDelay = Duration.ZERO;
    private volatile boolean rotateRefreshTokens;
    private volatile boolean approveByClick;
    private volatile Long expiresIn;
    /** Bumped by {@link #abandonSlowCalls()}: a slow call that started before it is dropped unprocessed. */
    private final java.util.concurrent.atomic.AtomicInteger abandonments = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger refreshesInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger mostRefreshesInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final List<ApiCall> apiCalls = Collections.synchronizedList(new ArrayList<>());
    private final Deque<ApiAnswer> apiAnswers = new ArrayDeque<>();
    private volatile java.util.concurrent.CountDownLatch apiGate;
    private volatile boolean apiGateReached;
    /** Instance id the fake's instance API answers with instead of the real one, to model a forged URL. */
    private final Map<String, String> instanceOverrides = new ConcurrentHashMap<>();

    static {
        // The JDK's HTTP server writes headers and body apart; with Nagle's algorithm on, every small
        // answer on a kept-alive connection then waits out the client's delayed ACK (about 40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private FakeWix() throws IOException {
        issuedSecrets.add(APP_SECRET);
        issuedSecrets.add(Deployments.API_KEY);
        issuedSecrets.add(SealedTokens.FIRST_KEY);
        issuedSecrets.add(SealedTokens.SECOND_KEY);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/installer/install", this::consentPage);
        server.createContext("/installer/close-window", this::closeWindow);
        server.createContext("/oauth/access", this::tokenEndpoint);
        server.createContext("/oauth2/token", this::clientCredentialsEndpoint);
        server.createContext("/oauth2/token-info", this::tokenInfoEndpoint);
        server.createContext("/apps/v1/instance", this::instanceEndpoint);
        server.createContext("/apps/v1/bi-event", this::biEventEndpoint);
        // Every other path: the generic API the proxy forwards to.
        server.createContext("/", this::apiEndpoint);
        server.start();
    }

    /** The fake of this test run, started on first use. */
    public static synchronized FakeWix shared() {
        if (shared == null) {
            try {
                shared = new FakeWix();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the fake Wix on port " + PORT, e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shared.server.stop(0)));
        }
        return shared;
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + PORT;
    }

    /** Undoes every failure, skew and override a test set up. Sites and tokens stay. */
    public synchronized void reset(String redirectUrl) {
        expectedRedirectUrl = redirectUrl;
        acceptedSecret = APP_SECRET;
        clockSkew = Duration.ZERO;
        tokenDelay = Duration.ZERO;
        unknownCodeDelay = Duration.ZERO;
        rotateRefreshTokens = false;
        approveByClick = false;
        expiresIn = null;
        mostRefreshesInFlight.set(0);
        tokenFailures.clear();
        instanceFailures.clear();
        clientCredentialFailures.clear();
        tokenInfoFailures.clear();
        instanceOverrides.clear();
        apiAnswers.clear();
        apiGate = null;
        apiGateReached = false;
    }

    // ----- what a test arranges

    /** A site whose owner adds the app: Wix would send the browser to the App URL with this token. */
    public Site newSite() {
        String instanceId = UUID.randomUUID().toString();
        installedApps.add(instanceId);
        String installToken = randomToken("install");
        installTokens.put(installToken, instanceId);
        return new Site(instanceId, installToken);
    }

    /** A site that added an app on Wix's current OAuth: Wix showed its own consent; no install token, no handshake. */
    public Site newOAuthSite() {
        String instanceId = UUID.randomUUID().toString();
        installedApps.add(instanceId);
        return new Site(instanceId, null);
    }

    /** A site Wix never heard of: it has no app installed. */
    public Site unknownSite() {
        return new Site(UUID.randomUUID().toString(), null);
    }

    /** The site's owner removed the app: Wix issues no more tokens for it by client credentials. */
    public void removeApp(Site site) {
        installedApps.remove(site.instanceId());
    }

    /** The owner of an installed site adds the app again: a new install token for the same instance. */
    public Site reinstall(Site site) {
        String installToken = randomToken("install");
        installTokens.put(installToken, site.instanceId());
        return new Site(site.instanceId(), installToken);
    }

    /**
     * A site installed without the browser flow (for benchmarks that need many): its refresh
     * token, which the fake will honour.
     */
    public String refreshTokenForNewSite(String instanceId) {
        installedApps.add(instanceId);
        String refresh = randomToken("refresh");
        refreshTokens.put(refresh, instanceId);
        return refresh;
    }

    /** Refresh calls so far, and those that came with a revoked or unknown refresh token. */
    public long refreshCalls() {
        return tokenCalls("refresh_token");
    }

    /** Calls so far of one grant type: {@code refresh_token} or {@code client_credentials}. */
    public long tokenCalls(String grantType) {
        return calls().stream().filter(call -> grantType.equals(call.grantType())).count();
    }

    /** The most refresh calls any one site made since the call with index {@code since} (see {@link #calls()}). */
    public long mostRefreshesForOneSite(int since) {
        return mostTokenCallsForOneSite(since, "refresh_token");
    }

    /** The most calls of one grant type any one site made since the call with index {@code since}. */
    public long mostTokenCallsForOneSite(int since, String grantType) {
        List<Call> all = calls();
        return all.subList(Math.min(since, all.size()), all.size()).stream()
                .filter(call -> grantType.equals(call.grantType()) && call.instanceId() != null)
                .collect(java.util.stream.Collectors.groupingBy(Call::instanceId, java.util.stream.Collectors.counting()))
                .values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    public long refusedRefreshCalls() {
        return calls().stream().filter(call -> "refresh_token".equals(call.grantType())
                && (call.refused() || call.instanceId() == null)).count();
    }

    /** An authorization code for the site, as Wix would put in the Redirect URL after consent. */
    public String codeFor(Site site) {
        String code = randomToken("code");
        codes.put(code, new Code(site.instanceId(), now()));
        issuedSecrets.add(code);
        return code;
    }

    public void advanceClock(Duration by) {
        clockSkew = clockSkew.plus(by);
    }

    /** From now on Wix expects another secret: ours is wrong. */
    public void rotateAppSecret() {
        acceptedSecret = randomToken("other-secret");
    }

    public synchronized void failTokenCalls(Failure... failures) {
        tokenFailures.addAll(List.of(failures));
    }

    public synchronized void failTokenInfoCalls(Failure... failures) {
        tokenInfoFailures.addAll(List.of(failures));
    }

    /** The access token Wix gives a dashboard page of our app, for a user looking at the site. */
    public String dashboardToken(Site site) {
        return dashboardToken(site, APP_ID);
    }

    /** The same for another app: a backend must not take it for one of ours. */
    public String otherAppsDashboardToken(Site site) {
        return dashboardToken(site, UUID.randomUUID().toString());
    }

    private String dashboardToken(Site site, String clientId) {
        String token = randomToken("dashboard");
        dashboardTokens.put(token, new DashboardToken(site.instanceId(), clientId, UUID.randomUUID().toString(),
                now().plus(Duration.ofHours(4))));
        issuedSecrets.add(token);
        return token;
    }

    public long tokenInfoCalls() {
        return calls().stream().filter(call -> call.path().equals("/oauth2/token-info")).count();
    }

    public synchronized void failClientCredentialCalls(Failure... failures) {
        clientCredentialFailures.addAll(List.of(failures));
    }

    public synchronized void failInstanceCalls(Failure... failures) {
        instanceFailures.addAll(List.of(failures));
    }

    /** Every token call takes this long before it is answered. */
    public void delayTokenCalls(Duration delay) {
        tokenDelay = delay;
    }

    /** A code Wix never issued is rejected only after this long: a slow Wix under a flood of forged callbacks. */
    public void rejectUnknownCodesAfter(Duration delay) {
        unknownCodeDelay = delay;
    }

    /** From now on every refresh returns a new refresh token and revokes the one it was given. */
    public void rotateRefreshTokens() {
        rotateRefreshTokens = true;
    }

    /** The consent page waits for a click on its Approve link (id {@code approve}) instead of redirecting at once. */
    public void approveByClick() {
        approveByClick = true;
    }

    /** The slow calls waiting now are dropped without being processed, as if their client's death had reached Wix. */
    public void abandonSlowCalls() {
        abandonments.incrementAndGet();
    }

    public int refreshesInFlight() {
        return refreshesInFlight.get();
    }

    /** Token answers carry {@code expires_in} (Wix documents none; the service must honour one). */
    public void sendExpiresIn(long seconds) {
        expiresIn = seconds;
    }

    /** The site's owner removed the app, or Wix revoked the grant: its refresh tokens stop working. */
    public void revokeRefreshTokens(Site site) {
        revokeRefreshTokensOf(site.instanceId());
    }

    private void revokeRefreshTokensOf(String instanceId) {
        refreshTokens.entrySet().removeIf(entry -> {
            if (entry.getValue().equals(instanceId)) {
                revokedRefreshTokens.put(entry.getKey(), instanceId);
                return true;
            }
            return false;
        });
    }

    /** Wix forgets the site's access tokens before they expire (a 401 for a token we thought good). */
    public void revokeAccessTokens(Site site) {
        accessTokens.values().removeIf(token -> token.instanceId().equals(site.instanceId()));
    }

    /** The instance API says the tokens of {@code site} belong to {@code otherInstanceId}. */
    public void reportInstanceAs(Site site, String otherInstanceId) {
        instanceOverrides.put(site.instanceId(), otherInstanceId);
    }

    /** The next calls to the generic API get these answers, in order, whatever they asked (after the token check). */
    public synchronized void answerApiCalls(ApiAnswer... answers) {
        apiAnswers.addAll(List.of(answers));
    }

    /**
     * Calls to the generic API wait until {@code parties} of them are waiting (at most 20 s), then all
     * go on: proves they were at Wix at the same time.
     */
    public void holdApiCallsUntil(int parties) {
        apiGateReached = false;
        apiGate = new java.util.concurrent.CountDownLatch(parties);
    }

    /** Whether the calls held by {@link #holdApiCallsUntil(int)} were all waiting at once. */
    public boolean apiCallsMet() {
        return apiGateReached;
    }

    // ----- what a test observes

    /** Every call the generic API received, in order. */
    public List<ApiCall> apiCalls() {
        synchronized (apiCalls) {
            return List.copyOf(apiCalls);
        }
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public long codeExchanges(String code) {
        return calls().stream().filter(call -> call.path().equals("/oauth/access") && code.equals(call.code())).count();
    }

    /** Refresh calls for the site with a refresh token that worked or failed for another reason than revocation. */
    public long refreshesFor(Site site) {
        return calls().stream().filter(call -> "refresh_token".equals(call.grantType()) && !call.refused()
                && site.instanceId().equals(call.instanceId())).count();
    }

    /** Refresh calls for the site that came with a revoked refresh token. */
    public long refusedRefreshesFor(Site site) {
        return calls().stream().filter(call -> "refresh_token".equals(call.grantType()) && call.refused()
                && site.instanceId().equals(call.instanceId())).count();
    }

    /** Calls to {@code /oauth2/token} for the site, whatever their answer. */
    public long clientCredentialCallsFor(Site site) {
        return calls().stream().filter(call -> call.path().equals("/oauth2/token") && site.instanceId().equals(call.instanceId())).count();
    }

    /** Calls to {@code /oauth/access} (custom authentication) for the site. */
    public long customAuthCallsFor(Site site) {
        return calls().stream().filter(call -> call.path().equals("/oauth/access") && site.instanceId().equals(call.instanceId())).count();
    }

    public long biEventsFor(Site site) {
        return calls().stream().filter(call -> call.path().equals("/apps/v1/bi-event")
                && site.instanceId().equals(call.instanceId())).count();
    }

    /** The largest number of refresh calls this fake was answering at once since the last reset. */
    public int mostRefreshesAtOnce() {
        return mostRefreshesInFlight.get();
    }

    public long callsFor(Site site) {
        return calls().stream().filter(call -> site.instanceId().equals(call.instanceId())).count();
    }

    /** Every secret this fake knows or handed out: app secret, codes, refresh and access tokens. */
    public Set<String> secrets() {
        return Set.copyOf(issuedSecrets);
    }

    public boolean isValidAccessToken(String token, Site site) {
        AccessToken access = accessTokens.get(token);
        return access != null && access.instanceId().equals(site.instanceId()) && now().isBefore(access.expiresAt());
    }

    public String refreshTokenOf(Site site) {
        return refreshTokens.entrySet().stream().filter(e -> e.getValue().equals(site.instanceId()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    // ----- endpoints

    /** Wix's consent page; the owner approves at once and is sent to the Redirect URL. */
    private void consentPage(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI());
        String instanceId = installTokens.get(query.getOrDefault("token", ""));
        if (!APP_ID.equals(query.get("appId")) || instanceId == null || query.get("state") == null
                || !query.getOrDefault("redirectUrl", "").equals(expectedRedirectUrl)) {
            respond(exchange, 400, "text/plain", "bad install request");
            return;
        }
        String code = codeFor(new Site(instanceId, null));
        String location = query.get("redirectUrl") + "?code=" + encode(code) + "&instanceId=" + encode(instanceId)
                + "&state=" + encode(query.get("state"));
        if (approveByClick) {
            respond(exchange, 200, "text/html", "<!DOCTYPE html><html><body><h1>Fake Wix: approve the app?</h1>"
                    + "<a id=\"approve\" href=\"" + location.replace("&", "&amp;") + "\">Approve</a></body></html>");
            return;
        }
        exchange.getResponseHeaders().add("Location", location);
        respond(exchange, 302, "text/plain", "");
    }

    private void closeWindow(HttpExchange exchange) throws IOException {
        String token = query(exchange.getRequestURI()).get("access_token");
        AccessToken access = token == null ? null : accessTokens.get(token);
        boolean valid = access != null && now().isBefore(access.expiresAt());
        respond(exchange, valid ? 200 : 401, "text/html", valid ? "<p>Window closed</p>" : "<p>Invalid token</p>");
    }

    private void tokenEndpoint(HttpExchange exchange) throws IOException {
        JsonObject body = postedJson(exchange);
        if (body == null) {
            return;
        }
        String grantType = body.getString("grant_type", "");
        String code = body.getString("code", null);
        String refreshToken = body.getString("refresh_token", null);
        Code known = code == null ? null : codes.get(code);
        String instanceId = known != null ? known.instanceId() : refreshToken == null ? null : refreshTokens.get(refreshToken);
        String revokedFor = refreshToken == null ? null : revokedRefreshTokens.get(refreshToken);
        calls.add(new Call("/oauth/access", grantType, code, instanceId != null ? instanceId : revokedFor,
                instanceId == null && revokedFor != null));
        boolean refresh = "refresh_token".equals(grantType);
        if (refresh) {
            mostRefreshesInFlight.accumulateAndGet(refreshesInFlight.incrementAndGet(), Math::max);
        }
        try {
            answerToken(exchange, body, grantType, code, refreshToken, known, instanceId);
        } finally {
            if (refresh) {
                refreshesInFlight.decrementAndGet();
            }
        }
    }

    private void answerToken(HttpExchange exchange, JsonObject body, String grantType, String code, String refreshToken,
                             Code known, String instanceId) throws IOException {
        pause(tokenDelay);
        Failure failure = nextFailure(tokenFailures);
        if (failed(exchange, failure)) {
            return;
        }
        if (failure != null && !failure.answerDelay().isZero()) {
            exchange = new LateAnswer(exchange, failure.answerDelay());
        }
        if (!APP_ID.equals(body.getString("client_id", "")) || !acceptedSecret.equals(body.getString("client_secret", ""))) {
            respond(exchange, 401, "application/json", "{\"message\":\"invalid client\",\"details\":{\"code\":\"invalid_client\"}}");
            return;
        }
        switch (grantType) {
            case "authorization_code" -> {
                if (known == null) {
                    pause(unknownCodeDelay);
                }
                synchronized (this) {
                    if (known == null || known.used() || !now().isBefore(known.issuedAt().plus(CODE_LIFETIME))) {
                        respond(exchange, 400, "application/json", "{\"message\":\"invalid code\",\"details\":{\"code\":\"invalid_grant\"}}");
                        return;
                    }
                    codes.put(code, known.markUsed());
                }
                // A new install replaces the site's grant: its earlier refresh tokens stop working.
                revokeRefreshTokensOf(instanceId);
                String refresh = randomToken("refresh");
                refreshTokens.put(refresh, instanceId);
                issuedSecrets.add(refresh);
                respond(exchange, 200, "application/json", tokenJson(refresh, newAccessToken(instanceId)));
            }
            case "refresh_token" -> {
                if (instanceId == null) {
                    respond(exchange, 400, "application/json", "{\"message\":\"invalid refresh token\",\"details\":{\"code\":\"invalid_grant\"}}");
                    return;
                }
                String refresh = refreshToken;
                if (rotateRefreshTokens) {
                    if (refreshTokens.remove(refreshToken) == null) {
                        respond(exchange, 400, "application/json", "{\"message\":\"invalid refresh token\",\"details\":{\"code\":\"invalid_grant\"}}");
                        return;
                    }
                    revokedRefreshTokens.put(refreshToken, instanceId);
                    refresh = randomToken("refresh");
                    refreshTokens.put(refresh, instanceId);
                    issuedSecrets.add(refresh);
                }
                respond(exchange, 200, "application/json", tokenJson(refresh, newAccessToken(instanceId)));
            }
            default -> respond(exchange, 400, "application/json", "{\"message\":\"unsupported grant_type\"}");
        }
    }

    /** Wix's current OAuth: an access token for an instance, for the app's id and secret. */
    private void clientCredentialsEndpoint(HttpExchange exchange) throws IOException {
        JsonObject body = postedJson(exchange);
        if (body == null) {
            return;
        }
        String instanceId = body.getString("instance_id", null);
        calls.add(new Call("/oauth2/token", body.getString("grant_type", ""), null, instanceId));
        mostRefreshesInFlight.accumulateAndGet(refreshesInFlight.incrementAndGet(), Math::max);
        try {
            pause(tokenDelay);
            if (failed(exchange, nextFailure(clientCredentialFailures))) {
                return;
            }
            if (!"client_credentials".equals(body.getString("grant_type", ""))) {
                respond(exchange, 400, "application/json", "{\"error\":\"unsupported_grant_type\"}");
            } else if (!APP_ID.equals(body.getString("client_id", "")) || !acceptedSecret.equals(body.getString("client_secret", ""))) {
                respond(exchange, 401, "application/json", "{\"message\":\"invalid client\",\"details\":{\"code\":\"invalid_client\"}}");
            } else if (instanceId == null || !installedApps.contains(instanceId)) {
                respond(exchange, 400, "application/json", "{\"message\":\"the app is not installed on this instance\","
                        + "\"details\":{\"applicationError\":{\"code\":\"APP_NOT_INSTALLED\"}}}");
            } else {
                long lifetime = expiresIn != null ? expiresIn : CLIENT_CREDENTIALS_LIFETIME_SECONDS;
                String token = randomToken("access");
                accessTokens.put(token, new AccessToken(instanceId, now().plusSeconds(lifetime)));
                issuedSecrets.add(token);
                respond(exchange, 200, "application/json", "{\"access_token\":\"" + token
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":" + lifetime + "}");
            }
        } finally {
            refreshesInFlight.decrementAndGet();
        }
    }

    /** What Wix says about an access token: active, and for whom, or {@code active: false}. */
    private void tokenInfoEndpoint(HttpExchange exchange) throws IOException {
        JsonObject body = postedJson(exchange);
        if (body == null) {
            return;
        }
        calls.add(new Call("/oauth2/token-info", null, null, null));
        if (failed(exchange, nextFailure(tokenInfoFailures))) {
            return;
        }
        DashboardToken token = dashboardTokens.get(body.getString("token", ""));
        if (token == null || !now().isBefore(token.expiresAt())) {
            respond(exchange, 200, "application/json", "{\"active\":false}");
            return;
        }
        respond(exchange, 200, "application/json", Json.createObjectBuilder().add("active", true)
                .add("subjectType", "USER").add("subjectId", token.userId())
                .add("exp", token.expiresAt().getEpochSecond()).add("iat", now().getEpochSecond())
                .add("clientId", token.clientId()).add("siteId", "site-of-" + token.instanceId())
                .add("instanceId", token.instanceId()).build().toString());
    }

    private void instanceEndpoint(HttpExchange exchange) throws IOException {
        String token = exchange.getRequestHeaders().getFirst("Authorization");
        AccessToken access = token == null ? null : accessTokens.get(token);
        calls.add(new Call("/apps/v1/instance", null, null, access == null ? null : access.instanceId()));
        if (failed(exchange, nextFailure(instanceFailures))) {
            return;
        }
        if (access == null || !now().isBefore(access.expiresAt())) {
            respond(exchange, 401, "application/json", "{\"message\":\"unauthorized\"}");
            return;
        }
        String instanceId = instanceOverrides.getOrDefault(access.instanceId(), access.instanceId());
        respond(exchange, 200, "application/json", "{\"instance\":{\"instanceId\":\"" + instanceId
                + "\",\"appName\":\"Fake app\",\"isFree\":true},\"site\":{\"locale\":\"en\",\"siteDisplayName\":\""
                + nameOf(instanceId).replace("\"", "\\\"") + "\"}}");
    }

    private void biEventEndpoint(HttpExchange exchange) throws IOException {
        String token = exchange.getRequestHeaders().getFirst("Authorization");
        AccessToken access = token == null ? null : accessTokens.get(token);
        String body = read(exchange.getRequestBody());
        boolean valid = access != null && now().isBefore(access.expiresAt());
        if (!valid) {
            calls.add(new Call("/apps/v1/bi-event", null, null, null));
            respond(exchange, 401, "application/json", "{\"message\":\"unauthorized\"}");
            return;
        }
        String eventName;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            eventName = reader.readObject().getString("eventName", "");
        } catch (RuntimeException e) {
            eventName = "";
        }
        if (!"APP_FINISHED_CONFIGURATION".equals(eventName)) {
            respond(exchange, 400, "application/json", "{\"message\":\"unknown event\"}");
            return;
        }
        calls.add(new Call("/apps/v1/bi-event", null, null, access.instanceId()));
        respond(exchange, 200, "application/json", "{}");
    }

    /**
     * Any other path: Wix's API as the proxy reaches it. Checks the access token (valid, not
     * expired), then answers what a test arranged, or echoes what it received as JSON:
     * method, raw path and query, headers (never {@code Authorization}), the body's length and
     * SHA-256 (and the body itself when short), and the site the token belongs to.
     */
    private void apiEndpoint(HttpExchange exchange) throws IOException {
        String token = exchange.getRequestHeaders().getFirst("Authorization");
        AccessToken access = token == null ? null : accessTokens.get(token);
        boolean valid = access != null && now().isBefore(access.expiresAt());
        java.security.MessageDigest sha256 = sha256();
        long length;
        java.io.ByteArrayOutputStream shortBody = new java.io.ByteArrayOutputStream();
        try (InputStream in = exchange.getRequestBody()) {
            length = 0;
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; length += n) {
                sha256.update(buffer, 0, n);
                if (shortBody.size() < 4096) {
                    shortBody.write(buffer, 0, Math.min(n, 4096 - shortBody.size()));
                }
            }
        }
        Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Authorization")) {
                headers.put(name, values);
            }
        });
        ApiCall call = new ApiCall(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers, length,
                java.util.HexFormat.of().formatHex(sha256.digest()), valid ? access.instanceId() : null);
        apiCalls.add(call);
        java.util.concurrent.CountDownLatch gate = apiGate;
        if (gate != null) {
            gate.countDown();
            try {
                if (gate.await(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    apiGateReached = true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!valid) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
            respond(exchange, 401, "application/json", "{\"message\":\"unauthorized\"}");
            return;
        }
        ApiAnswer answer;
        synchronized (this) {
            answer = apiAnswers.poll();
        }
        if (answer == null) {
            echo(exchange, call, shortBody.toString(StandardCharsets.UTF_8));
            return;
        }
        pause(answer.delay());
        if (answer.status() == ApiAnswer.CUT) {
            exchange.close(); // no answer at all: the connection is closed under the caller
            return;
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        if (answer.largeBody() > 0) {
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(answer.status(), answer.largeBody());
            try (OutputStream out = exchange.getResponseBody()) {
                LargeBody.write(answer.largeBody(), out);
            }
            return;
        }
        if (answer.status() == 0) {
            echo(exchange, call, shortBody.toString(StandardCharsets.UTF_8));
            return;
        }
        respond(exchange, answer.status(), "application/json", "{\"message\":\"answer on purpose\"}");
    }

    private static void echo(HttpExchange exchange, ApiCall call, String body) throws IOException {
        var headers = Json.createObjectBuilder();
        call.headers().forEach((name, values) -> headers.add(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
        var json = Json.createObjectBuilder().add("method", call.method()).add("path", call.path())
                .add("headers", headers).add("bodyLength", call.bodyLength()).add("bodySha256", call.bodySha256())
                .add("instanceId", call.instanceId());
        if (call.query() != null) {
            json.add("query", call.query());
        }
        if (call.bodyLength() <= 4096) {
            json.add("body", body);
        }
        var out = exchange.getResponseHeaders();
        out.add("ETag", "\"v1\"");
        out.add("x-wix-request-id", UUID.randomUUID().toString());
        out.add("Set-Cookie", "wix-session=fake; Path=/");
        out.add("Keep-Alive", "timeout=5");
        out.add("Proxy-Authenticate", "Basic");
        respond(exchange, 200, "application/json", json.build().toString());
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON object a token endpoint was POSTed, or null once it has answered 405, 415 or 400 as Wix would. */
    private static JsonObject postedJson(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "application/json", "{}");
            return null;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith("application/json")) {
            respond(exchange, 415, "application/json", "{\"message\":\"JSON expected\"}");
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(read(exchange.getRequestBody())))) {
            return reader.readObject();
        } catch (JsonParsingException e) {
            respond(exchange, 400, "application/json", "{\"message\":\"malformed JSON\"}");
            return null;
        }
    }

    // ----- failures

    /** How the fake misbehaves on one call. */
    public record Failure(int status, String retryAfter, Duration delay, boolean notJson, Duration answerDelay) {

        public static Failure status(int status) {
            return new Failure(status, null, Duration.ZERO, false, Duration.ZERO);
        }

        public static Failure rateLimited(String retryAfter) {
            return new Failure(429, retryAfter, Duration.ZERO, false, Duration.ZERO);
        }

        /** Waits {@code delay} before it looks at the request: longer than the client waits, it is a timeout. */
        public static Failure slow(Duration delay) {
            return new Failure(0, null, delay, false, Duration.ZERO);
        }

        /** Does what was asked at once, but holds the answer back: the client never hears what was done. */
        public static Failure answerLost(Duration delay) {
            return new Failure(0, null, Duration.ZERO, false, delay);
        }

        public static Failure malformed() {
            return new Failure(200, null, Duration.ZERO, true, Duration.ZERO);
        }
    }

    private synchronized Failure nextFailure(Deque<Failure> failures) {
        return failures.poll();
    }

    /** Answers as the failure says; false when there is none or it only delays. */
    private boolean failed(HttpExchange exchange, Failure failure) throws IOException {
        if (failure == null) {
            return false;
        }
        int abandonmentsBefore = abandonments.get();
        pause(failure.delay());
        if (abandonments.get() != abandonmentsBefore) {
            respond(exchange, 503, "application/json", "{\"message\":\"abandoned\"}");
            return true;
        }
        if (failure.notJson()) {
            respond(exchange, 200, "application/json", "<html>not json");
            return true;
        }
        if (failure.status() == 0) {
            return false;
        }
        if (failure.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", failure.retryAfter());
        }
        respond(exchange, failure.status(), "application/json", "{\"message\":\"failure on purpose\"}");
        return true;
    }

    // ----- plumbing

    private String newAccessToken(String instanceId) {
        String token = randomToken("access");
        accessTokens.put(token, new AccessToken(instanceId, now().plus(ACCESS_TOKEN_LIFETIME)));
        issuedSecrets.add(token);
        return token;
    }

    private String tokenJson(String refreshToken, String accessToken) {
        Long lifetime = expiresIn;
        return "{\"access_token\":\"" + accessToken + "\",\"refresh_token\":\"" + refreshToken + "\""
                + (lifetime == null ? "" : ",\"expires_in\":" + lifetime) + "}";
    }

    private Instant now() {
        return Instant.now().plus(clockSkew);
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String randomToken(String kind) {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return kind + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public record Site(String instanceId, String installToken) {

        /** The site's display name, as Wix's App Instance API gives it. */
        public String name() {
            return nameOf(instanceId);
        }
    }

    static String nameOf(String instanceId) {
        return "Shop \"" + instanceId.substring(0, 8) + "\" & Co";
    }

    /** One call the generic API received; {@code instanceId} is the site of a valid token, else null. */
    public record ApiCall(String method, String path, String query, Map<String, List<String>> headers, long bodyLength,
                          String bodySha256, String instanceId) {
    }

    /**
     * How the generic API answers one call: a status (0: the usual echo), extra headers, a delay
     * before it answers, or a large body of {@link LargeBody}'s bytes.
     */
    public record ApiAnswer(int status, Map<String, String> headers, Duration delay, long largeBody) {

        static final int CUT = -1;

        /** The connection is closed without an answer. */
        public static ApiAnswer cut() {
            return new ApiAnswer(CUT, Map.of(), Duration.ZERO, 0);
        }

        public static ApiAnswer status(int status) {
            return new ApiAnswer(status, Map.of(), Duration.ZERO, 0);
        }

        public static ApiAnswer rateLimited(String retryAfter) {
            return new ApiAnswer(429, Map.of("Retry-After", retryAfter), Duration.ZERO, 0);
        }

        public static ApiAnswer status(int status, String retryAfter) {
            return new ApiAnswer(status, Map.of("Retry-After", retryAfter), Duration.ZERO, 0);
        }

        /** The echo, after {@code delay}. */
        public static ApiAnswer slow(Duration delay) {
            return new ApiAnswer(0, Map.of(), delay, 0);
        }

        public static ApiAnswer large(long bytes) {
            return new ApiAnswer(200, Map.of(), Duration.ZERO, bytes);
        }
    }

    /** One request the fake received; {@code code} only for code grants, {@code instanceId} when known. */
    public record Call(String path, String grantType, String code, String instanceId, boolean refused) {
        Call(String path, String grantType, String code, String instanceId) {
            this(path, grantType, code, instanceId, false);
        }
    }

    private record Code(String instanceId, Instant issuedAt, boolean used) {
        Code(String instanceId, Instant issuedAt) {
            this(instanceId, issuedAt, false);
        }

        Code markUsed() {
            return new Code(instanceId, issuedAt, true);
        }
    }

    private record AccessToken(String instanceId, Instant expiresAt) {
    }

    private record DashboardToken(String instanceId, String clientId, String userId, Instant expiresAt) {
    }

    /** An exchange whose answer is held back before it is sent. */
    private static final class LateAnswer extends HttpExchange {

        private final HttpExchange exchange;
        private final Duration delay;

        LateAnswer(HttpExchange exchange, Duration delay) {
            this.exchange = exchange;
            this.delay = delay;
        }

        @Override
        public void sendResponseHeaders(int status, long length) throws IOException {
            pause(delay);
            exchange.sendResponseHeaders(status, length);
        }

        @Override public com.sun.net.httpserver.Headers getRequestHeaders() { return exchange.getRequestHeaders(); }
        @Override public com.sun.net.httpserver.Headers getResponseHeaders() { return exchange.getResponseHeaders(); }
        @Override public URI getRequestURI() { return exchange.getRequestURI(); }
        @Override public String getRequestMethod() { return exchange.getRequestMethod(); }
        @Override public com.sun.net.httpserver.HttpContext getHttpContext() { return exchange.getHttpContext(); }
        @Override public void close() { exchange.close(); }
        @Override public InputStream getRequestBody() { return exchange.getRequestBody(); }
        @Override public OutputStream getResponseBody() { return exchange.getResponseBody(); }
        @Override public InetSocketAddress getRemoteAddress() { return exchange.getRemoteAddress(); }
        @Override public int getResponseCode() { return exchange.getResponseCode(); }
        @Override public InetSocketAddress getLocalAddress() { return exchange.getLocalAddress(); }
        @Override public String getProtocol() { return exchange.getProtocol(); }
        @Override public Object getAttribute(String name) { return exchange.getAttribute(name); }
        @Override public void setAttribute(String name, Object value) { exchange.setAttribute(name, value); }
        @Override public void setStreams(InputStream in, OutputStream out) { exchange.setStreams(in, out); }
        @Override public com.sun.net.httpserver.HttpPrincipal getPrincipal() { return exchange.getPrincipal(); }
    }
}
