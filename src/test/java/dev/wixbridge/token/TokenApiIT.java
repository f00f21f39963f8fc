package dev.wixbridge.token;

import static dev.wixbridge.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.Concurrently;
import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.Browser;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.FakeWix.Failure;
import dev.wixbridge.testing.OwnerJourney;
import dev.wixbridge.testing.SealedTokens;
import dev.wixbridge.testing.ServerLog;

/** The token lifecycle through the protected API: cache, single flight, rotation, failures. */
class TokenApiIT extends AgainstFakeWix {

    private final ApiClient api = ApiClient.withKey(Deployments.API_KEY);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Deployments.fakeWixSettings());
    }

    @Test
    void a_good_token_is_served_without_calling_wix() {
        FakeWix.Site site = installed();

        JsonObject first = ApiClient.json(tokenFor(site, 200));
        JsonObject second = ApiClient.json(tokenFor(site, 200));

        assertThat(first.getString("instanceId")).isEqualTo(site.instanceId());
        assertThat(second.getString("accessToken")).isEqualTo(first.getString("accessToken"));
        assertThat(Instant.parse(first.getString("expiresAt"))).isAfter(Instant.now().plusSeconds(60));
        assertThat(wix.isValidAccessToken(first.getString("accessToken"), site)).isTrue();
        assertThat(wix.refreshesFor(site)).isZero();
    }

    @Test
    void an_expired_token_is_refreshed_and_stored_sealed() {
        FakeWix.Site site = installed();
        String installToken = SealedTokens.open(rows.installation(site.instanceId()).orElseThrow(), "access");
        expire(site);

        HttpResponse<String> response = tokenFor(site, 200);

        String token = ApiClient.json(response).getString("accessToken");
        assertThat(token).isNotEqualTo(installToken);
        assertThat(wix.isValidAccessToken(token, site)).isTrue();
        assertThat(wix.refreshesFor(site)).isEqualTo(1);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        Map<String, Object> row = rows.installation(site.instanceId()).orElseThrow();
        assertThat(SealedTokens.open(row, "access")).isEqualTo(token);
        assertThat(row.get("last_refreshed_at")).isNotNull();
    }

    @Test
    void a_lifetime_wix_states_is_honoured() {
        FakeWix.Site site = installed();
        expire(site);
        wix.sendExpiresIn(3600);

        Instant expiresAt = Instant.parse(ApiClient.json(tokenFor(site, 200)).getString("expiresAt"));

        assertThat(expiresAt).isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3601));
    }

    @Test
    void an_unreadable_answer_from_wix_is_an_upstream_error() {
        FakeWix.Site site = installed();
        expire(site);
        wix.failTokenCalls(Failure.malformed());

        assertProblem(api.post(tokenPath(site)), 503, "/problems/wix-unavailable");
        assertThat(rows.installation(site.instanceId()).orElseThrow().get("status")).isEqualTo("ACTIVE");
    }

    @Test
    void fifty_concurrent_requests_for_one_expired_site_cause_one_refresh() throws Exception {
        FakeWix.Site site = installed();
        expire(site);
        wix.delayTokenCalls(Duration.ofMillis(300));

        List<HttpResponse<String>> responses = Concurrently.call(50, i -> api.post(tokenPath(site)));

        Set<String> tokens = new HashSet<>();
        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            tokens.add(ApiClient.json(response).getString("accessToken"));
        }
        assertThat(tokens).hasSize(1);
        assertThat(wix.isValidAccessToken(tokens.iterator().next(), site)).isTrue();
        assertThat(wix.refreshesFor(site)).isEqualTo(1);
    }

    @Test
    void twenty_sites_refresh_in_parallel() throws Exception {
        List<FakeWix.Site> sites = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            FakeWix.Site site = installed();
            expire(site);
            sites.add(site);
        }
        wix.delayTokenCalls(Duration.ofMillis(500));

        List<HttpResponse<String>> responses = Concurrently.call(20, i -> api.post(tokenPath(sites.get(i))));

        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        assertThat(sites).allSatisfy(site -> assertThat(wix.refreshesFor(site)).isEqualTo(1));
        assertThat(wix.mostRefreshesAtOnce()).as("refreshes Wix was answering at once").isGreaterThan(1);
    }

    @Test
    void a_rotated_refresh_token_is_stored_and_used_for_the_next_refresh() {
        FakeWix.Site site = installed();
        wix.rotateRefreshTokens();
        String original = wix.refreshTokenOf(site);
        expire(site);

        tokenFor(site, 200);
        String rotated = wix.refreshTokenOf(site);
        assertThat(rotated).isNotEqualTo(original);
        assertThat(SealedTokens.open(rows.installation(site.instanceId()).orElseThrow(), "refresh")).isEqualTo(rotated);

        wix.revokeAccessTokens(site); // forces the next refresh, past the server's memory
        assertThat(api.get("/api/installations/" + site.instanceId() + "/instance").statusCode()).isEqualTo(200);
        assertThat(wix.refreshesFor(site)).isEqualTo(2);
        assertThat(wix.refusedRefreshesFor(site)).as("refreshes with a revoked token").isZero();
    }

    @Test
    void a_revoked_grant_needs_reauthorization_without_a_retry_storm_until_the_site_reinstalls() {
        FakeWix.Site site = installed();
        wix.revokeRefreshTokens(site);
        expire(site);

        assertProblem(api.post(tokenPath(site)), 409, "/problems/reauthorization-required");
        assertProblem(api.post(tokenPath(site)), 409, "/problems/reauthorization-required");

        assertThat(wix.refusedRefreshesFor(site)).isEqualTo(1);
        long refreshCalls = wix.calls().stream().filter(call -> "refresh_token".equals(call.grantType())).count();
        assertProblem(api.post(tokenPath(site)), 409, "/problems/reauthorization-required");
        assertThat(wix.calls().stream().filter(call -> "refresh_token".equals(call.grantType())).count())
                .as("no call to Wix once re-authorization is required").isEqualTo(refreshCalls);
        assertThat(rows.installation(site.instanceId()).orElseThrow().get("status")).isEqualTo("REAUTH_REQUIRED");

        assertThat(OwnerJourney.install(new Browser(), wix.reinstall(site)).statusCode()).isEqualTo(302);
        assertThat(rows.installation(site.instanceId()).orElseThrow().get("status")).isEqualTo("ACTIVE");
        tokenFor(site, 200);
    }

    @Test
    void a_wrong_app_secret_marks_no_site_and_answers_503() {
        FakeWix.Site site = installed();
        expire(site);
        wix.rotateAppSecret();

        HttpResponse<String> response = api.post(tokenPath(site));

        assertProblem(response, 503, "/problems/wix-credentials-refused");
        assertThat(rows.installation(site.instanceId()).orElseThrow().get("status")).isEqualTo("ACTIVE");
        HttpResponse<String> notReady = ApiClient.withoutKey().getUrl(Deployments.HEALTH + "/ready");
        assertThat(notReady.statusCode()).as(notReady.body()).isEqualTo(503);
        assertThat(notReady.body()).contains("wix-credentials");
        assertThat(ServerLog.text()).contains("Wix refused our app credentials");

        wix.reset(Deployments.REDIRECT_URL);
        tokenFor(site, 200);
        assertThat(ApiClient.withoutKey().getUrl(Deployments.HEALTH + "/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void a_server_error_at_wix_is_retried() {
        FakeWix.Site site = installed();
        expire(site);
        wix.failTokenCalls(Failure.status(502));

        tokenFor(site, 200);

        assertThat(wix.calls().stream().filter(call -> "refresh_token".equals(call.grantType())
                && site.instanceId().equals(call.instanceId())).count()).isEqualTo(2);
    }

    @Test
    void wix_down_answers_503_with_retry_after_and_notes_the_failure() {
        FakeWix.Site site = installed();
        expire(site);
        wix.failTokenCalls(Failure.status(503), Failure.status(503), Failure.status(503));

        HttpResponse<String> response = api.post(tokenPath(site));

        assertProblem(response, 503, "/problems/wix-unavailable");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        Map<String, Object> row = rows.installation(site.instanceId()).orElseThrow();
        assertThat(row.get("status")).isEqualTo("ACTIVE");
        assertThat((String) row.get("last_failure")).startsWith("WIX_UNAVAILABLE");
    }

    @Test
    void a_long_retry_after_from_wix_is_passed_to_the_caller() {
        FakeWix.Site site = installed();
        expire(site);
        wix.failTokenCalls(Failure.rateLimited("120"));

        HttpResponse<String> response = api.post(tokenPath(site));

        assertProblem(response, 503, "/problems/wix-unavailable");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("120");
        assertThat(wix.refreshesFor(site)).as("not retried before the time Wix asked for").isEqualTo(1);
    }

    @Test
    void a_token_wix_rejects_is_refreshed_once_and_the_call_retried() {
        FakeWix.Site site = installed();
        tokenFor(site, 200); // now in the server's memory
        wix.revokeAccessTokens(site);

        HttpResponse<String> response = api.get("/api/installations/" + site.instanceId() + "/instance");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(ApiClient.json(response).getJsonObject("instance").getString("instanceId")).isEqualTo(site.instanceId());
        assertThat(wix.refreshesFor(site)).isEqualTo(1);
    }

    @Test
    void setup_complete_sends_the_bi_event_to_wix() {
        FakeWix.Site site = installed();

        HttpResponse<String> response = api.post("/api/installations/" + site.instanceId() + "/setup-complete");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(wix.biEventsFor(site)).isEqualTo(1);
    }

    @Test
    void uninstall_forgets_the_tokens_and_a_reinstall_brings_the_site_back() {
        FakeWix.Site site = installed();
        tokenFor(site, 200);

        assertThat(api.delete("/api/installations/" + site.instanceId()).statusCode()).isEqualTo(204);

        Map<String, Object> row = rows.installation(site.instanceId()).orElseThrow();
        assertThat(row.get("status")).isEqualTo("UNINSTALLED");
        assertThat(row.get("refresh_token_sealed")).isNull();
        assertThat(row.get("access_token_sealed")).isNull();
        assertProblem(api.post(tokenPath(site)), 409, "/problems/uninstalled");

        assertThat(OwnerJourney.install(new Browser(), wix.reinstall(site)).statusCode()).isEqualTo(302);
        assertThat(rows.installation(site.instanceId()).orElseThrow().get("status")).isEqualTo("ACTIVE");
        tokenFor(site, 200);
    }

    @Test
    void the_database_holds_no_token_in_clear() {
        FakeWix.Site site = installed();
        expire(site);
        tokenFor(site, 200);

        for (String secret : wix.secrets()) {
            assertThat(rows.count("SELECT COUNT(*) FROM installation WHERE refresh_token_sealed LIKE ? OR access_token_sealed LIKE ?"
                    + " OR instance_id LIKE ? OR last_failure LIKE ?", like(secret), like(secret), like(secret), like(secret)))
                    .as("rows holding a token of the fake in clear").isZero();
            assertThat(rows.count("SELECT COUNT(*) FROM install_state WHERE code_hash LIKE ? OR state_hash LIKE ?",
                    like(secret), like(secret))).isZero();
        }
    }

    // -----



    private HttpResponse<String> tokenFor(FakeWix.Site site, int status) {
        HttpResponse<String> response = api.post(tokenPath(site));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }


    private static String like(String value) {
        return "%" + value + "%";
    }
}
