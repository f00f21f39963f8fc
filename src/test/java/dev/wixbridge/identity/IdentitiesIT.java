package dev.wixbridge.identity;

import static dev.wixbridge.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.FakeWix.Failure;

/** The identities Wix gives the team's dashboard pages, verified for their backend. */
class IdentitiesIT extends AgainstFakeWix {

    private final ApiClient api = ApiClient.withKey(Deployments.API_KEY);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Deployments.fakeWixSettings());
    }

    private HttpResponse<String> ask(String path, String member, String value) {
        return api.send(api.request("/api/identities/" + path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add(member, value).build().toString())));
    }

    private static String signedInstance(String instanceId, Instant signDate, String secret) {
        String data = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"instanceId\":\"" + instanceId
                + "\",\"signDate\":\"" + signDate + "\",\"uid\":\"user-1\",\"permissions\":\"OWNER\"}").getBytes(StandardCharsets.UTF_8));
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)))
                    + "." + data;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_signed_instance_is_decoded_when_its_signature_and_age_hold() {
        FakeWix.Site site = wix.newSite();

        HttpResponse<String> verified = ask("instance", "instance", signedInstance(site.instanceId(), Instant.now(), FakeWix.APP_SECRET));

        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        JsonObject identity = ApiClient.json(verified);
        assertThat(identity.getString("instanceId")).isEqualTo(site.instanceId());
        assertThat(identity.getString("uid")).isEqualTo("user-1");
        assertThat(identity.getString("permissions")).isEqualTo("OWNER");
    }

    @Test
    void a_forged_or_stale_instance_is_a_401_and_a_malformed_one_a_400() {
        FakeWix.Site site = wix.newSite();

        assertProblem(ask("instance", "instance", signedInstance(site.instanceId(), Instant.now(), "not-the-secret")), 401,
                "/problems/invalid-instance");
        assertProblem(ask("instance", "instance", signedInstance(site.instanceId(), Instant.now().minusSeconds(86_401),
                FakeWix.APP_SECRET)), 401, "/problems/invalid-instance");
        assertProblem(ask("instance", "instance", "no signature here"), 400, "/problems/invalid-parameter");
        assertProblem(api.send(api.request("/api/identities/instance").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[1,2]"))), 400, "/problems/invalid-parameter");
        assertProblem(ApiClient.withoutKey().post("/api/identities/instance"), 401, "/problems/unauthorized");
    }

    @Test
    void a_dashboard_token_of_our_app_is_verified_at_wix_once_and_then_remembered() {
        FakeWix.Site site = wix.newOAuthSite();
        String token = wix.dashboardToken(site);
        long before = wix.tokenInfoCalls();

        HttpResponse<String> first = ask("access-token", "token", token);
        HttpResponse<String> again = ask("access-token", "token", token);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonObject identity = ApiClient.json(first);
        assertThat(identity.getString("instanceId")).isEqualTo(site.instanceId());
        assertThat(identity.getString("siteId")).isEqualTo("site-of-" + site.instanceId());
        assertThat(identity.getString("subjectType")).isEqualTo("USER");
        assertThat(Instant.parse(identity.getString("expiresAt"))).isAfter(Instant.now().plusSeconds(3600));
        assertThat(first.body()).doesNotContain(token);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(wix.tokenInfoCalls() - before).as("asked Wix once").isEqualTo(1);
    }

    @Test
    void another_apps_token_or_an_unknown_one_is_a_401() {
        FakeWix.Site site = wix.newOAuthSite();

        assertProblem(ask("access-token", "token", wix.otherAppsDashboardToken(site)), 401, "/problems/invalid-token");
        assertProblem(ask("access-token", "token", "made-up-token"), 401, "/problems/invalid-token");
    }

    @Test
    void wix_unavailable_is_a_503_with_retry_after() {
        FakeWix.Site site = wix.newOAuthSite();
        wix.failTokenInfoCalls(Failure.rateLimited("20"));

        HttpResponse<String> response = ask("access-token", "token", wix.dashboardToken(site));

        assertProblem(response, 503, "/problems/wix-unavailable");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("20");
    }
}
