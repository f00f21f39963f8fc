package dev.wixbridge.oauth;

import static dev.wixbridge.testing.InstallPageAssertions.assertInstallHeaders;
import static dev.wixbridge.testing.InstallPageAssertions.assertPage;
import static dev.wixbridge.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.Browser;
import dev.wixbridge.testing.Concurrently;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.FakeWix.Failure;
import dev.wixbridge.testing.OwnerJourney;
import dev.wixbridge.testing.SealedTokens;
import dev.wixbridge.testing.WebhookSigner;

/** An app on Wix's current OAuth ({@code wix.auth-mode=oauth}): sites registered, tokens by client credentials. */
class OAuthModeIT extends AgainstFakeWix {

    private final ApiClient api = ApiClient.withKey(Deployments.API_KEY);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Deployments.oauthSettings());
    }

    private FakeWix.Site registered() {
        FakeWix.Site site = wix.newOAuthSite();
        HttpResponse<String> registration = api.put(path(site));
        assertThat(registration.statusCode()).as(registration.body()).isEqualTo(201);
        return site;
    }

    private static String path(FakeWix.Site site) {
        return "/api/installations/" + site.instanceId();
    }

    // ----- registration

    @Test
    void a_registered_site_is_stored_active_with_its_token_sealed_and_no_refresh_token() {
        FakeWix.Site site = wix.newOAuthSite();

        HttpResponse<String> registration = api.put(path(site));

        assertThat(registration.statusCode()).as(registration.body()).isEqualTo(201);
        assertThat(ApiClient.json(registration).getString("instanceId")).isEqualTo(site.instanceId());
        assertThat(ApiClient.json(registration).getString("status")).isEqualTo("ACTIVE");
        assertThat(ApiClient.json(registration).getString("siteName")).as("as Wix names the site").isEqualTo(site.name());
        Map<String, Object> row = rows.installation(site.instanceId()).orElseThrow();
        assertThat(row.get("refresh_token_sealed")).isNull();
        String stored = SealedTokens.open(row, "access");
        assertThat(wix.isValidAccessToken(stored, site)).isTrue();
        assertThat(row.values()).as("no token in clear").doesNotContain(stored);
        assertThat(wix.calls().stream().filter(call -> call.path().equals("/apps/v1/instance")
                && site.instanceId().equals(call.instanceId()))).as("confirmed with Wix").hasSize(1);
    }

    @Test
    void registering_a_known_site_again_answers_200_and_reactivates_it() {
        FakeWix.Site site = registered();
        assertThat(api.delete(path(site)).statusCode()).isEqualTo(204);

        HttpResponse<String> again = api.put(path(site));

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(ApiClient.json(again).getString("status")).isEqualTo("ACTIVE");
        assertThat(rows.installations(site.instanceId())).isEqualTo(1);
    }

    @Test
    void concurrent_registrations_of_one_site_store_one_row() throws Exception {
        FakeWix.Site site = wix.newOAuthSite();

        List<HttpResponse<String>> responses = Concurrently.call(10, i -> api.put(path(site)));

        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).as(response.body()).isIn(200, 201));
        assertThat(responses.stream().filter(response -> response.statusCode() == 201)).hasSize(1);
        assertThat(rows.installations(site.instanceId())).isEqualTo(1);
    }

    @Test
    void a_site_wix_refuses_is_not_registered_and_wix_code_is_passed_on() {
        FakeWix.Site site = wix.unknownSite();

        JsonObject problem = assertProblem(api.put(path(site)), 409, "/problems/site-refused");

        assertThat(problem.getString("wixCode")).isEqualTo("APP_NOT_INSTALLED");
        assertThat(rows.installations(site.instanceId())).isZero();
    }

    @Test
    void wix_unavailable_registers_nothing_and_says_when_to_retry() {
        FakeWix.Site site = wix.newOAuthSite();
        wix.failClientCredentialCalls(Failure.status(503), Failure.status(503), Failure.status(503));

        HttpResponse<String> response = api.put(path(site));

        assertProblem(response, 503, "/problems/wix-unavailable");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(rows.installations(site.instanceId())).isZero();
    }

    @Test
    void a_malformed_instance_id_is_a_400() {
        assertProblem(api.put("/api/installations/not-a-uuid"), 400, "/problems/invalid-parameter");
    }

    // ----- tokens

    @Test
    void a_token_by_client_credentials_lives_as_wix_says_and_is_served_again_without_calling_wix() {
        FakeWix.Site site = registered();

        JsonObject first = ApiClient.json(api.post(tokenPath(site)));
        JsonObject second = ApiClient.json(api.post(tokenPath(site)));

        assertThat(wix.isValidAccessToken(first.getString("accessToken"), site)).isTrue();
        assertThat(second.getString("accessToken")).isEqualTo(first.getString("accessToken"));
        assertThat(Instant.parse(first.getString("expiresAt"))).isAfter(Instant.now().plus(Duration.ofHours(3)));
        assertThat(wix.clientCredentialCallsFor(site)).as("the registration's token, reused").isEqualTo(1);
        assertThat(wix.customAuthCallsFor(site)).isZero();
    }

    @Test
    void a_token_within_the_refresh_skew_is_replaced_by_a_new_one() {
        wix.sendExpiresIn(30); // less than the 60 s skew: never good enough to hand out
        FakeWix.Site site = registered();
        wix.sendExpiresIn(3600);

        HttpResponse<String> response = api.post(tokenPath(site));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Instant.parse(ApiClient.json(response).getString("expiresAt"))).isAfter(Instant.now().plusSeconds(3000));
        assertThat(wix.clientCredentialCallsFor(site)).isEqualTo(2);
    }

    @Test
    void fifty_concurrent_requests_for_an_expired_site_make_one_call_to_wix() throws Exception {
        FakeWix.Site site = registered();
        expire(site);
        wix.delayTokenCalls(Duration.ofMillis(300));

        List<HttpResponse<String>> responses = Concurrently.call(50, i -> api.post(tokenPath(site)));

        Set<String> tokens = new HashSet<>();
        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            tokens.add(ApiClient.json(response).getString("accessToken"));
        }
        assertThat(tokens).hasSize(1);
        assertThat(wix.clientCredentialCallsFor(site)).isEqualTo(2);
    }

    @Test
    void a_site_that_removed_the_app_is_refused_with_wix_code_and_wix_is_asked_at_most_every_30_seconds() {
        FakeWix.Site site = registered();
        wix.removeApp(site);
        expire(site);

        JsonObject first = assertProblem(api.post(tokenPath(site)), 409, "/problems/site-refused");
        assertProblem(api.post(tokenPath(site)), 409, "/problems/site-refused");

        assertThat(first.getString("wixCode")).isEqualTo("APP_NOT_INSTALLED");
        assertThat(wix.clientCredentialCallsFor(site)).as("registration, then one refused call").isEqualTo(2);
        Map<String, Object> row = rows.installation(site.instanceId()).orElseThrow();
        assertThat(row.get("status")).as("the stored status is unchanged").isEqualTo("ACTIVE");
        assertThat(row.get("last_failure")).isEqualTo("SITE_REFUSED:APP_NOT_INSTALLED");

        rows.update("UPDATE installation SET last_failure_at = ? WHERE instance_id = ?",
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(31), site.instanceId());
        assertProblem(api.post(tokenPath(site)), 409, "/problems/site-refused");
        assertThat(wix.clientCredentialCallsFor(site)).as("asked again after the quiet").isEqualTo(3);
    }

    @Test
    void a_wrong_app_secret_marks_no_site_and_answers_503() {
        FakeWix.Site site = registered();
        expire(site);
        wix.rotateAppSecret();

        assertProblem(api.post(tokenPath(site)), 503, "/problems/wix-credentials-refused");
        assertThat(api.getUrl(Deployments.HEALTH + "/ready").statusCode()).as("readiness").isEqualTo(503);

        wix.reset(Deployments.REDIRECT_URL);
        assertThat(api.post(tokenPath(site)).statusCode()).isEqualTo(200);
        assertThat(rows.installation(site.instanceId()).orElseThrow().get("status")).isEqualTo("ACTIVE");
    }

    @Test
    void wix_down_is_retried_then_answered_503_with_retry_after() {
        FakeWix.Site site = registered();
        expire(site);
        wix.failClientCredentialCalls(Failure.status(500));

        assertThat(api.post(tokenPath(site)).statusCode()).as("one 500, then retried").isEqualTo(200);

        FakeWix.Site limitedSite = registered();
        expire(limitedSite);
        wix.failClientCredentialCalls(Failure.rateLimited("30"));
        HttpResponse<String> limited = api.post(tokenPath(limitedSite));
        assertProblem(limited, 503, "/problems/wix-unavailable");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("30");
    }

    @Test
    void a_token_wix_rejects_is_replaced_once_for_a_site_call() {
        FakeWix.Site site = registered();
        wix.revokeAccessTokens(site);

        HttpResponse<String> instance = api.get(path(site) + "/instance");

        assertThat(instance.statusCode()).as(instance.body()).isEqualTo(200);
        assertThat(ApiClient.json(instance).getJsonObject("instance").getString("instanceId")).isEqualTo(site.instanceId());
        assertThat(wix.clientCredentialCallsFor(site)).isEqualTo(2);
        assertThat(api.post(path(site) + "/setup-complete").statusCode()).isEqualTo(204);
        assertThat(wix.biEventsFor(site)).isEqualTo(1);
    }

    @Test
    void an_unknown_site_is_a_404_and_an_uninstalled_one_a_409() {
        assertProblem(api.post("/api/installations/" + UUID.randomUUID() + "/access-token"), 404, "/problems/unknown-installation");
        FakeWix.Site site = registered();
        api.delete(path(site));
        assertProblem(api.post(tokenPath(site)), 409, "/problems/uninstalled");
    }

    // ----- the install URLs and the migration's last step

    @Test
    void the_install_urls_say_the_app_installs_through_wix() {
        Browser browser = new Browser();
        HttpResponse<String> appUrl = browser.get(OwnerJourney.APP_URL + "?token=t");
        assertPage(appUrl, 404, "installs through Wix");
        assertInstallHeaders(appUrl);
        assertPage(browser.get(Deployments.SERVER + "/oauth/callback?code=c&state=s&instanceId=" + UUID.randomUUID()),
                404, "installs through Wix");
    }

    @Test
    void erasing_refresh_tokens_keeps_every_site_and_its_access_token() {
        FakeWix.Site site = registered();
        rows.update("UPDATE installation SET refresh_token_sealed = ? WHERE instance_id = ?",
                SealedTokens.seal(site.instanceId(), "refresh", "kept-for-a-switch-back"), site.instanceId());

        HttpResponse<String> erased = api.delete("/api/refresh-tokens");

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(ApiClient.json(erased).getInt("erased")).isPositive();
        Map<String, Object> row = rows.installation(site.instanceId()).orElseThrow();
        assertThat(row.get("refresh_token_sealed")).isNull();
        assertThat(row.get("status")).isEqualTo("ACTIVE");
        assertThat(api.post(tokenPath(site)).statusCode()).isEqualTo(200);
        assertThat(wix.clientCredentialCallsFor(site)).isEqualTo(1);
    }

    // ----- webhooks

    @Test
    void app_installed_registers_the_site_whose_first_token_comes_when_needed() {
        FakeWix.Site site = wix.newOAuthSite();

        assertThat(WebhookSigner.deliver(WebhookSigner.webhook(
                WebhookSigner.Event.of("AppInstalled", site.instanceId(), "{\"appId\":\"" + FakeWix.APP_ID + "\"}"))).statusCode())
                .isEqualTo(200);

        Map<String, Object> row = rows.installation(site.instanceId()).orElseThrow();
        assertThat(row.get("status")).isEqualTo("ACTIVE");
        assertThat(row.get("access_token_sealed")).isNull();
        assertThat(wix.clientCredentialCallsFor(site)).isZero();
        assertThat(api.post(tokenPath(site)).statusCode()).isEqualTo(200);
        assertThat(wix.clientCredentialCallsFor(site)).isEqualTo(1);
    }

    @Test
    void an_app_installed_older_than_a_later_removal_does_not_bring_the_site_back() {
        FakeWix.Site site = registered();
        deliver(WebhookSigner.Event.of("AppRemoved", site.instanceId(), "{}"));
        assertThat(rows.installation(site.instanceId()).orElseThrow().get("status")).isEqualTo("UNINSTALLED");

        deliver(WebhookSigner.Event.of("AppInstalled", site.instanceId(), "{}").issuedAt(Instant.now().minusSeconds(3600)));

        assertThat(rows.installation(site.instanceId()).orElseThrow().get("status")).isEqualTo("UNINSTALLED");
        assertProblem(api.post(tokenPath(site)), 409, "/problems/uninstalled");

        deliver(WebhookSigner.Event.of("AppInstalled", site.instanceId(), "{}").issuedAt(Instant.now().plusSeconds(1)));
        assertThat(rows.installation(site.instanceId()).orElseThrow().get("status")).as("a newer install").isEqualTo("ACTIVE");
    }

    private static void deliver(WebhookSigner.Event event) {
        assertThat(WebhookSigner.deliver(WebhookSigner.webhook(event)).statusCode()).isEqualTo(200);
    }
}
