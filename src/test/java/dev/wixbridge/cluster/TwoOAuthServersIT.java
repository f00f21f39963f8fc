package dev.wixbridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.Concurrently;
import dev.wixbridge.testing.DatabaseRows;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.ServerProcess;
import dev.wixbridge.testing.WebhookSigner;

/** Two servers of an app on Wix's current OAuth, on one PostgreSQL: one call by client credentials for them both. */
class TwoOAuthServersIT {

    private static final int PORT_A = 18084;
    private static final int PORT_B = 18085;

    private static ServerProcess a;
    private static ServerProcess b;

    private final FakeWix wix = FakeWix.shared();
    private final DatabaseRows rows = Deployments.database();
    private final ApiClient api = ApiClient.withKey(Deployments.API_KEY);

    @BeforeAll
    static void startTwoServers() throws Exception {
        assumeTrue("postgresql".equals(System.getProperty("it.db")), "two servers share a PostgreSQL database");
        ServerProcess[] servers = ServerProcess.startPair("oauth", PORT_A, PORT_B, Deployments.asEnvironment(Deployments.oauthSettings()));
        a = servers[0];
        b = servers[1];
    }

    @AfterAll
    static void stopServersAndScanTheirLogs() {
        ServerProcess.stopAndScanLogs(a, b);
    }

    @Test
    void a_hundred_requests_across_both_servers_make_one_call_to_wix() throws Exception {
        wix.reset(Deployments.REDIRECT_URL);
        FakeWix.Site site = wix.newOAuthSite();
        assertThat(api.at(a.url()).put("/api/installations/" + site.instanceId()).statusCode()).isEqualTo(201);
        assertThat(rows.update("UPDATE installation SET access_token_expires_at = ? WHERE instance_id = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), site.instanceId())).isEqualTo(1);
        wix.delayTokenCalls(Duration.ofMillis(500));

        List<HttpResponse<String>> responses = Concurrently.call(100, i ->
                api.at(i % 2 == 0 ? a.url() : b.url()).post("/api/installations/" + site.instanceId() + "/access-token"));

        Set<String> tokens = new HashSet<>();
        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            tokens.add(ApiClient.json(response).getString("accessToken"));
        }
        assertThat(tokens).hasSize(1);
        assertThat(wix.clientCredentialCallsFor(site)).as("the registration's, then one for both servers").isEqualTo(2);
        assertThat(wix.isValidAccessToken(tokens.iterator().next(), site)).isTrue();
    }

    @Test
    void one_event_delivered_to_both_servers_at_once_is_stored_once_and_acts_once() throws Exception {
        wix.reset(Deployments.REDIRECT_URL);
        FakeWix.Site site = wix.newOAuthSite();
        String installed = WebhookSigner.webhook(WebhookSigner.Event.of("AppInstalled", site.instanceId(), "{\"appId\":\"a\"}"));

        List<HttpResponse<String>> responses = Concurrently.call(40, i -> deliverTo(i % 2 == 0 ? a : b, installed));

        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).as(response.body()).isEqualTo(200));
        assertThat(rows.count("SELECT COUNT(*) FROM wix_event WHERE instance_id = ?", site.instanceId())).isEqualTo(1);
        assertThat(rows.installations(site.instanceId())).isEqualTo(1);
    }

    @Test
    void a_consumer_of_the_feed_sees_every_event_of_both_servers_exactly_once() throws Exception {
        wix.reset(Deployments.REDIRECT_URL);
        ApiClient reader = api.at(a.url());
        String cursor = ApiClient.json(reader.get("/api/events?limit=500")).getString("next");
        while (true) { // skip what earlier tests left
            jakarta.json.JsonObject page = ApiClient.json(reader.get("/api/events?limit=500&after=" + cursor));
            cursor = page.getString("next");
            if (page.getJsonArray("items").isEmpty()) {
                break;
            }
        }
        int count = 200;
        List<String> bodies = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            bodies.add(WebhookSigner.webhook(WebhookSigner.Event.of("wix.test.v1.thing_created", null,
                    "{\"id\":\"" + java.util.UUID.randomUUID() + "\"}")));
        }
        CompletableFuture<List<HttpResponse<String>>> deliveries = CompletableFuture.supplyAsync(() -> {
            try {
                return Concurrently.call(20, i -> {
                    HttpResponse<String> last = null;
                    for (int n = i; n < count; n += 20) {
                        last = deliverTo(n % 2 == 0 ? a : b, bodies.get(n));
                    }
                    return last;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        List<String> seen = new java.util.ArrayList<>();
        while (seen.size() < count) { // read while the two servers insert, as a consumer would
            jakarta.json.JsonObject page = ApiClient.json(reader.get("/api/events?limit=7&wait=5&after=" + cursor));
            page.getJsonArray("items").forEach(item -> seen.add(item.asJsonObject().getString("id")));
            if (page.getJsonArray("items").isEmpty() && deliveries.isDone()) {
                break;
            }
            cursor = page.getString("next");
        }

        assertThat(deliveries.get()).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        assertThat(seen).hasSize(count).doesNotHaveDuplicates();
    }

    private static HttpResponse<String> deliverTo(ServerProcess server, String body) {
        return WebhookSigner.deliver(ApiClient.withoutKey().at(server.url()), body);
    }
}
