package dev.wixbridge.proxy;

import static dev.wixbridge.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.JsonObject;

import com.sun.net.httpserver.HttpServer;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.Concurrently;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.FakeWix.ApiAnswer;
import dev.wixbridge.testing.LargeBody;
import dev.wixbridge.testing.RawHttp;

/** The Wix API proxy ({@code /api/installations/{id}/wix/{path}}) with custom authentication's tokens. */
class WixProxyIT extends AgainstFakeWix {

    static final Duration PROXY_TIMEOUT = Duration.ofSeconds(3);

    private final ApiClient api = ApiClient.withKey(Deployments.API_KEY);
    /** Every answer a test got, for the check that none carries a token. */
    private final List<String> answers = new ArrayList<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> settings = Deployments.fakeWixSettings();
        settings.put("wix.proxy.timeout", PROXY_TIMEOUT.toSeconds() + "s");
        return Deployments.war(settings);
    }

    @AfterEach
    void noAnswerHoldsAToken() {
        for (String secret : wix.secrets()) {
            assertThat(answers).as("answers of the proxy").noneMatch(answer -> answer.contains(secret));
        }
    }

    @Test
    void a_get_reaches_wix_with_the_site_token_and_the_callers_path_query_and_allowed_headers() {
        FakeWix.Site site = installed();
        String query = "filter=%7B%22name%22%3A%22a+b%22%7D&paging.limit=5&x=1&x=%2F";

        HttpResponse<String> response = proxy(site, "stores/v1/products/query?" + query, request -> request
                .header("Accept", "application/json").header("Accept-Language", "de-CH")
                .header("If-None-Match", "\"v0\"").header("If-Match", "\"v1\"")
                .header("wix-site-id", "site-1").header("X-Custom", "no").header("Cookie", "session=mine")
                .GET());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject echo = ApiClient.json(response);
        assertThat(echo.getString("method")).isEqualTo("GET");
        assertThat(echo.getString("path")).isEqualTo("/stores/v1/products/query");
        assertThat(echo.getString("query")).isEqualTo(query);
        assertThat(echo.getString("instanceId")).isEqualTo(site.instanceId());
        JsonObject headers = echo.getJsonObject("headers");
        assertThat(headers.getString("accept")).isEqualTo("application/json");
        assertThat(headers.getString("accept-language")).isEqualTo("de-CH");
        assertThat(headers.getString("if-none-match")).isEqualTo("\"v0\"");
        assertThat(headers.getString("if-match")).isEqualTo("\"v1\"");
        assertThat(headers.getString("wix-site-id")).isEqualTo("site-1");
        assertThat(headers.keySet()).doesNotContain("x-custom", "cookie");
        assertThat(headers.getString("host")).isEqualTo("127.0.0.1:" + FakeWix.PORT);
        // Wix's answer comes back as it is, less cookies and hop-by-hop headers
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("ETag")).hasValue("\"v1\"");
        assertThat(response.headers().firstValue("x-wix-request-id")).isPresent();
        assertThat(response.headers().map().keySet()).noneMatch(name -> name.equalsIgnoreCase("Set-Cookie")
                || name.equalsIgnoreCase("Proxy-Authenticate") || name.equalsIgnoreCase("Keep-Alive"));
        assertThat(wix.refreshesFor(site)).isZero();
    }

    @Test
    void every_method_is_sent_with_its_body() {
        FakeWix.Site site = installed();
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            String body = "{\"method\":\"" + method + "\"}";

            HttpResponse<String> response = proxy(site, "items/v1/items/42", request -> request
                    .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)));

            assertThat(response.statusCode()).as(method + ": " + response.body()).isEqualTo(200);
            JsonObject echo = ApiClient.json(response);
            assertThat(echo.getString("method")).isEqualTo(method);
            assertThat(echo.getString("body")).isEqualTo(body);
            assertThat(echo.getJsonObject("headers").getString("content-type")).isEqualTo("application/json");
        }
        HttpResponse<String> head = proxy(site, "items/v1/items/42", request -> request
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("ETag")).hasValue("\"v1\"");
        assertThat(wix.apiCalls()).filteredOn(call -> site.instanceId().equals(call.instanceId()))
                .extracting(FakeWix.ApiCall::method).containsExactly("POST", "PUT", "PATCH", "DELETE", "HEAD");
    }

    @Test
    void the_callers_credentials_and_connection_headers_never_reach_wix() {
        FakeWix.Site site = installed();

        String answer = RawHttp.send("GET", "/api/installations/" + site.instanceId() + "/wix/apps/v1/things",
                "Authorization: Bearer " + Deployments.API_KEY, "Cookie: c=1", "Connection: close, wix-hidden",
                "wix-hidden: secret-ish", "wix-shown: yes", "Keep-Alive: timeout=5", "Proxy-Authorization: Basic eA==");
        answers.add(answer);

        assertThat(RawHttp.status(answer)).as(answer).isEqualTo(200);
        FakeWix.ApiCall call = lastCallFor(site);
        assertThat(call.headers()).containsKey("wix-shown")
                .doesNotContainKeys("wix-hidden", "Cookie", "Keep-Alive", "Proxy-Authorization");
        assertThat(String.join(",", call.headers().getOrDefault("Connection", List.of()))).doesNotContain("wix-hidden");
    }

    @Test
    void a_token_wix_refuses_is_replaced_once_and_the_request_sent_again() {
        FakeWix.Site site = installed();
        wix.revokeAccessTokens(site);
        String body = "{\"query\":{}}";

        HttpResponse<String> response = proxy(site, "stores/v1/products/query", request -> request
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(response).getString("body")).isEqualTo(body);
        assertThat(wix.refreshesFor(site)).isEqualTo(1);
        List<FakeWix.ApiCall> calls = callsTo("/stores/v1/products/query", site);
        assertThat(calls).hasSize(1);
    }

    @Test
    void a_second_401_is_passed_back() {
        FakeWix.Site site = installed();
        wix.answerApiCalls(ApiAnswer.status(401), ApiAnswer.status(401));

        HttpResponse<String> response = proxy(site, "apps/v1/refusing", request -> request.GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(wix.refreshesFor(site)).isEqualTo(1);
        assertThat(callsTo("/apps/v1/refusing", site)).hasSize(2);
    }

    @Test
    void concurrent_calls_on_a_refused_token_share_one_token_call() throws Exception {
        FakeWix.Site site = installed();
        wix.revokeAccessTokens(site);
        int callers = 100;
        wix.holdApiCallsUntil(Deployments.CONCURRENT_REQUESTS);

        List<HttpResponse<String>> responses = Concurrently.call(callers, i -> proxy(site, "apps/v1/together", request -> request.GET()));

        assertThat(wix.apiCallsMet()).as(Deployments.CONCURRENT_REQUESTS + " calls were at Wix at once").isTrue();
        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        assertThat(wix.refreshesFor(site)).isEqualTo(1);
    }

    @Test
    void get_is_retried_after_rate_limits_and_outages_within_the_bounds() {
        FakeWix.Site site = installed();
        wix.answerApiCalls(ApiAnswer.rateLimited("1"), ApiAnswer.status(503));

        HttpResponse<String> retried = proxy(site, "apps/v1/busy", request -> request.GET());

        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(wix.apiCalls()).filteredOn(call -> call.path().equals("/apps/v1/busy")).hasSize(3);

        wix.answerApiCalls(ApiAnswer.status(502), ApiAnswer.status(504), ApiAnswer.status(503, "1"));
        HttpResponse<String> givenUp = proxy(site, "apps/v1/down", request -> request.GET());
        assertThat(givenUp.statusCode()).isEqualTo(503);
        assertThat(givenUp.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(wix.apiCalls()).filteredOn(call -> call.path().equals("/apps/v1/down")).hasSize(3);
    }

    @Test
    void a_wait_beyond_the_bound_and_other_methods_get_wix_answer_at_once() {
        FakeWix.Site site = installed();
        wix.answerApiCalls(ApiAnswer.rateLimited("30"));

        HttpResponse<String> limited = proxy(site, "apps/v1/later", request -> request.GET());

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(wix.apiCalls()).filteredOn(call -> call.path().equals("/apps/v1/later")).hasSize(1);

        wix.answerApiCalls(ApiAnswer.status(503, "1"));
        HttpResponse<String> post = proxy(site, "apps/v1/once", request -> request.POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(post.statusCode()).isEqualTo(503);
        assertThat(wix.apiCalls()).filteredOn(call -> call.path().equals("/apps/v1/once")).hasSize(1);
    }

    @Test
    void sites_without_a_token_get_the_token_api_problems() {
        FakeWix.Site unknown = wix.unknownSite();
        assertProblem(proxy(unknown, "apps/v1/instance", request -> request.GET()), 404, "/problems/unknown-installation");

        FakeWix.Site reauth = installed();
        wix.revokeRefreshTokens(reauth);
        expire(reauth);
        assertProblem(proxy(reauth, "apps/v1/instance", request -> request.GET()), 409, "/problems/reauthorization-required");

        FakeWix.Site gone = installed();
        assertThat(api.delete("/api/installations/" + gone.instanceId()).statusCode()).isEqualTo(204);
        assertProblem(proxy(gone, "apps/v1/instance", request -> request.GET()), 409, "/problems/uninstalled");

        assertThat(wix.apiCalls()).noneMatch(call -> call.path().equals("/apps/v1/instance"));
    }

    @Test
    void wix_slower_than_the_timeout_is_a_504_with_retry_after() {
        FakeWix.Site site = installed();
        wix.answerApiCalls(ApiAnswer.slow(PROXY_TIMEOUT.plusSeconds(2)));

        HttpResponse<String> response = proxy(site, "apps/v1/slow", request -> request.GET());

        assertProblem(response, 504, "/problems/wix-unavailable");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void wix_closing_the_connection_without_an_answer_is_a_504_and_a_post_is_not_resent() {
        FakeWix.Site site = installed();
        wix.answerApiCalls(ApiAnswer.cut());

        HttpResponse<String> response = proxy(site, "apps/v1/cut", request -> request.POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertProblem(response, 504, "/problems/wix-unavailable");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(callsTo("/apps/v1/cut", site)).hasSize(1);
    }

    @Test
    void a_path_that_could_leave_wix_api_host_is_refused_and_nothing_is_sent_anywhere() throws IOException {
        FakeWix.Site site = installed();
        HttpServer elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger reachedElsewhere = new AtomicInteger();
        elsewhere.createContext("/", exchange -> {
            reachedElsewhere.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        elsewhere.start();
        int callsBefore = wix.apiCalls().size();
        String other = "127.0.0.1:" + elsewhere.getAddress().getPort();
        Map<String, String> outcomes = new java.util.TreeMap<>();
        try {
            for (String trick : new String[] {"..%2F..%2Fx", "%2e%2e/x", "%2E%2E/%2e%2E/x", "a/%2e/b", "a%2fb", "a%5Cb",
                    "a/%2E%2E/%2E%2E/%2E%2E/oauth/access", "/" + other + "/x", "http:%2F%2F" + other + "/x",
                    "http://" + other + "/x", "https:" + other, "@" + other + "/x", "x%40" + other, "a%00b", "a%0D%0AHost:%20x",
                    "a%09b", "a//b"}) {
                String answer = RawHttp.send("GET", "/api/installations/" + site.instanceId() + "/wix/" + trick,
                        "Authorization: Bearer " + Deployments.API_KEY);
                answers.add(answer);
                outcomes.put(trick, answer.lines().findFirst().orElse("") + (answer.contains("/problems/invalid-parameter") ? " problem" : ""));
            }
            // Payara's HTTP layer itself refuses an escaped NUL or backslash (400, no body) before the WAR sees it.
            assertThat(outcomes).allSatisfy((trick, outcome) -> assertThat(outcome).as(trick)
                    .matches("HTTP/1.1 400 .* problem" + (trick.contains("%00") || trick.contains("%5C") ? "|HTTP/1.1 400 Invalid URI" : "")));
            for (String normalised : new String[] {"a/../../../../oauth/access", "./x", "a/./b", "x/.."}) {
                String answer = RawHttp.send("GET", "/api/installations/" + site.instanceId() + "/wix/" + normalised,
                        "Authorization: Bearer " + Deployments.API_KEY);
                answers.add(answer);
                assertThat(RawHttp.status(answer)).as(normalised + ": " + answer).isIn(400, 401, 404);
            }
        } finally {
            elsewhere.stop(0);
        }
        assertThat(reachedElsewhere).hasValue(0);
        assertThat(wix.apiCalls()).hasSize(callsBefore);
    }

    @Test
    void a_body_over_the_limit_is_refused_before_anything_is_sent() {
        FakeWix.Site site = installed();
        long limit = 10L << 20;
        int callsBefore = wix.apiCalls().size();

        // Announced by Content-Length, sent after "100 Continue" (as curl does for large bodies): the 413 comes
        // before a byte of the body is sent.
        String announced = RawHttp.send("POST", "/api/installations/" + site.instanceId() + "/wix/files/v1/upload",
                "Authorization: Bearer " + Deployments.API_KEY, "Content-Type: application/octet-stream",
                "Content-Length: " + (limit + 1), "Expect: 100-continue");
        HttpResponse<String> chunked = proxy(site, "files/v1/upload", request -> request
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> LargeBody.stream(limit + 1))));

        assertThat(RawHttp.status(announced)).as(announced).isEqualTo(413);
        assertThat(announced).contains("application/problem+json", "/problems/body-too-large");
        assertProblem(chunked, 413, "/problems/body-too-large");
        assertThat(wix.apiCalls()).hasSize(callsBefore);
    }

    @Test
    void large_bodies_pass_both_ways_unchanged() throws Exception {
        FakeWix.Site site = installed();
        long upload = 6L << 20;

        HttpResponse<String> sent = proxy(site, "files/v1/upload", request -> request
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> LargeBody.stream(upload))));

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(sent).getJsonNumber("bodyLength").longValue()).isEqualTo(upload);
        assertThat(ApiClient.json(sent).getString("bodySha256")).isEqualTo(LargeBody.sha256(upload));

        long download = 50L << 20;
        wix.answerApiCalls(ApiAnswer.large(download));
        HttpResponse<InputStream> received = HttpClient.newHttpClient().send(api.request(
                        "/api/installations/" + site.instanceId() + "/wix/files/v1/download")
                .header("Authorization", "Bearer " + Deployments.API_KEY).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(received.statusCode()).isEqualTo(200);
        try (InputStream in = received.body()) {
            assertThat(LargeBody.sha256(in)).isEqualTo(new LargeBody.Hashed(download, LargeBody.sha256(download)));
        }
    }

    @Test
    void proxied_calls_are_counted_by_method_and_status_class() {
        org.junit.jupiter.api.Assumptions.assumeFalse(Deployments.onWildFly(),
                "WildFly has no MicroProfile Metrics (see server-config/wildfly/README.md)");
        FakeWix.Site site = installed();
        proxy(site, "apps/v1/counted", request -> request.GET());

        HttpResponse<String> metrics = ApiClient.withoutKey().get("/metrics?scope=application");

        assertThat(metrics.body()).contains("wixbridge_proxy_calls_total", "method=\"GET\"", "status=\"2xx\"",
                "wixbridge_proxy_wix_latency");
    }

    private HttpResponse<String> proxy(FakeWix.Site site, String pathAndQuery,
                                       java.util.function.UnaryOperator<HttpRequest.Builder> request) {
        HttpResponse<String> response = api.send(request.apply(api.request(
                "/api/installations/" + site.instanceId() + "/wix/" + pathAndQuery)));
        answers.add(response.headers().map() + response.body());
        return response;
    }

    private FakeWix.ApiCall lastCallFor(FakeWix.Site site) {
        List<FakeWix.ApiCall> calls = wix.apiCalls().stream().filter(call -> site.instanceId().equals(call.instanceId())).toList();
        return calls.get(calls.size() - 1);
    }

    private List<FakeWix.ApiCall> callsTo(String path, FakeWix.Site site) {
        return wix.apiCalls().stream().filter(call -> call.path().equals(path) && site.instanceId().equals(call.instanceId())).toList();
    }
}
