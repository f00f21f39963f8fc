package dev.wixbridge.event;

import static dev.wixbridge.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.ServerLog;
import dev.wixbridge.testing.WebhookSigner;
import dev.wixbridge.testing.WebhookSigner.Event;

/** {@code POST /webhooks/wix} for an app on custom authentication, and the event feed. */
class WebhooksIT extends AgainstFakeWix {

    private final ApiClient api = ApiClient.withKey(Deployments.API_KEY);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Deployments.fakeWixSettings());
    }

    private static HttpResponse<String> deliver(String body) {
        return WebhookSigner.deliver(body);
    }

    private static Event removed(FakeWix.Site site) {
        return Event.of("AppRemoved", site.instanceId(), "{\"appId\":\"" + FakeWix.APP_ID + "\"}");
    }

    private long events() {
        return rows.count("SELECT COUNT(*) FROM wix_event");
    }

    // ----- effects

    @Test
    void app_removed_uninstalls_the_site_and_erases_its_tokens_at_once() {
        FakeWix.Site site = installed();
        assertThat(api.post(tokenPath(site)).statusCode()).isEqualTo(200);

        assertThat(deliver(WebhookSigner.webhook(removed(site))).statusCode()).isEqualTo(200);

        Map<String, Object> row = rows.installation(site.instanceId()).orElseThrow();
        assertThat(row.get("status")).isEqualTo("UNINSTALLED");
        assertThat(row.get("refresh_token_sealed")).isNull();
        assertThat(row.get("access_token_sealed")).isNull();
        assertProblem(api.post(tokenPath(site)), 409, "/problems/uninstalled");
    }

    @Test
    void app_removed_older_than_the_latest_install_does_not_uninstall_it() {
        FakeWix.Site site = installed();

        HttpResponse<String> late = deliver(WebhookSigner.webhook(removed(site).issuedAt(Instant.now().minusSeconds(3600))));

        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(rows.installation(site.instanceId()).orElseThrow().get("status")).isEqualTo("ACTIVE");
    }

    @Test
    void app_installed_with_custom_authentication_is_recorded_only() {
        FakeWix.Site site = wix.newSite();

        assertThat(deliver(WebhookSigner.webhook(Event.of("AppInstalled", site.instanceId(), "{\"appId\":\"a\"}"))).statusCode())
                .isEqualTo(200);

        assertThat(rows.installations(site.instanceId())).as("the handshake stores the site").isZero();
        assertThat(rows.count("SELECT COUNT(*) FROM wix_event WHERE instance_id = ?", site.instanceId())).isEqualTo(1);
    }

    @Test
    void a_repeated_delivery_is_stored_once_and_acts_once() {
        FakeWix.Site site = installed();
        String once = WebhookSigner.webhook(removed(site));

        assertThat(deliver(once).statusCode()).isEqualTo(200);
        long stored = events();
        assertThat(deliver(once).statusCode()).isEqualTo(200);

        assertThat(events()).isEqualTo(stored);
        String standard = WebhookSigner.webhook(Event.of("wix.contacts.v4.contact_created", site.instanceId(),
                "{\"id\":\"" + UUID.randomUUID() + "\",\"entityId\":\"x\"}"));
        assertThat(deliver(standard).statusCode()).isEqualTo(200);
        assertThat(deliver(standard).statusCode()).as("the same event id again").isEqualTo(200);
        assertThat(events()).isEqualTo(stored + 1);
    }

    // ----- refusals

    @Test
    void forgeries_are_refused_and_store_nothing() {
        FakeWix.Site site = installed();
        long before = events();
        Event event = removed(site);

        assertProblem(deliver(WebhookSigner.signedBySomeoneElse(event)), 401, "/problems/webhook-unverified");
        assertProblem(deliver(WebhookSigner.unsigned(event)), 401, "/problems/webhook-unverified");
        assertProblem(deliver(WebhookSigner.hmacWithThePublicKey(event)), 401, "/problems/webhook-unverified");
        assertProblem(deliver(WebhookSigner.webhook(event.expiringAt(Instant.now().minusSeconds(1)))), 401,
                "/problems/webhook-unverified");
        assertProblem(deliver(WebhookSigner.webhook(event.issuedAt(Instant.now().plusSeconds(600)))), 401,
                "/problems/webhook-unverified");

        assertThat(events()).isEqualTo(before);
        assertThat(rows.installation(site.instanceId()).orElseThrow().get("status")).isEqualTo("ACTIVE");
        assertThat(ServerLog.text()).contains("Webhook refused: not signed with RS256",
                "Webhook refused: the signature does not verify", "Webhook refused: expired");
    }

    @Test
    void what_is_not_a_wix_webhook_is_a_400_and_too_much_a_413() {
        long before = events();

        assertProblem(deliver("not a jwt"), 400, "/problems/webhook-malformed");
        assertProblem(deliver(WebhookSigner.withDataAsObject(Event.of("AppRemoved", UUID.randomUUID().toString(), "{}"))),
                400, "/problems/webhook-malformed");
        assertProblem(deliver(WebhookSigner.webhook(Event.of("AppRemoved", "not-an-instance", "{}"))), 400,
                "/problems/webhook-malformed");
        assertProblem(deliver("x".repeat(64 * 1024 + 1)), 413, "/problems/webhook-too-large");

        assertThat(events()).isEqualTo(before);
    }

    // ----- the feed

    @Test
    void the_feed_serves_every_event_once_in_order_with_its_payload_and_identity() {
        FakeWix.Site site = installed();
        String start = ApiClient.json(api.get("/api/events?instanceId=" + site.instanceId())).getString("next");
        deliver(WebhookSigner.webhook(Event.of("PaidPlanPurchased", site.instanceId(), "{\"vendorProductId\":\"gold\"}")
                .withIdentity("{\"identityType\":\"WIX_USER\",\"wixUserId\":\"u-1\"}")));
        deliver(WebhookSigner.webhook(removed(site)));

        JsonObject page = ApiClient.json(api.get("/api/events?instanceId=" + site.instanceId() + "&after=" + start));

        JsonArray items = page.getJsonArray("items");
        assertThat(items).hasSize(2);
        JsonObject first = items.getJsonObject(0);
        assertThat(first.getString("eventType")).isEqualTo("PaidPlanPurchased");
        assertThat(first.getString("instanceId")).isEqualTo(site.instanceId());
        assertThat(first.getJsonObject("data").getString("vendorProductId")).isEqualTo("gold");
        assertThat(first.getJsonObject("identity").getString("wixUserId")).isEqualTo("u-1");
        assertThat(Instant.parse(first.getString("receivedAt"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(items.getJsonObject(1).getString("eventType")).isEqualTo("AppRemoved");
        JsonObject after = ApiClient.json(api.get("/api/events?instanceId=" + site.instanceId() + "&after=" + page.getString("next")));
        assertThat(after.getJsonArray("items")).isEmpty();
        assertThat(after.getString("next")).isEqualTo(page.getString("next"));
        assertThat(ApiClient.json(api.get("/api/events?eventType=PaidPlanPurchased&after=" + start)).getJsonArray("items"))
                .allSatisfy(item -> assertThat(item.asJsonObject().getString("eventType")).isEqualTo("PaidPlanPurchased"));
    }

    @Test
    void a_long_poll_returns_the_event_that_arrives_while_it_waits() throws Exception {
        FakeWix.Site site = installed();
        String start = ApiClient.json(api.get("/api/events?instanceId=" + site.instanceId())).getString("next");

        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() ->
                api.get("/api/events?wait=25&instanceId=" + site.instanceId() + "&after=" + start));
        deliver(WebhookSigner.webhook(removed(site)));

        JsonObject page = ApiClient.json(waiting.get(30, TimeUnit.SECONDS));
        assertThat(page.getJsonArray("items")).hasSize(1);
    }

    @Test
    void malformed_feed_parameters_are_a_400() {
        assertProblem(api.get("/api/events?limit=0"), 400, "/problems/invalid-parameter");
        assertProblem(api.get("/api/events?limit=501"), 400, "/problems/invalid-parameter");
        assertProblem(api.get("/api/events?wait=31"), 400, "/problems/invalid-parameter");
        assertProblem(api.get("/api/events?after=forged"), 400, "/problems/invalid-parameter");
        assertProblem(api.get("/api/events?instanceId=nope"), 400, "/problems/invalid-parameter");
        assertProblem(ApiClient.withoutKey().get("/api/events"), 401, "/problems/unauthorized");
    }
}
