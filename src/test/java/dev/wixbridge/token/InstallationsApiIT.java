package dev.wixbridge.token;

import static dev.wixbridge.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;

/** The installations API: authentication, listing, lookups, and every kind of bad request. */
class InstallationsApiIT extends AgainstFakeWix {

    private final ApiClient api = ApiClient.withKey(Deployments.API_KEY);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Deployments.fakeWixSettings());
    }

    // ----- authentication

    @Test
    void refuses_a_call_without_a_key() {
        HttpResponse<String> response = ApiClient.withoutKey().get("/api/installations");

        assertProblem(response, 401, "/problems/unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void refuses_a_wrong_key_and_other_schemes() {
        assertProblem(ApiClient.withKey(Deployments.API_KEY + "x").get("/api/installations"), 401, "/problems/unauthorized");
        assertProblem(ApiClient.withoutKey().send(ApiClient.withoutKey().request("/api/installations")
                .header("Authorization", "Basic " + Deployments.API_KEY).GET()), 401, "/problems/unauthorized");
        assertProblem(ApiClient.withKey(Deployments.API_KEY).send(ApiClient.withoutKey().request(
                "/api/installations/" + java.util.UUID.randomUUID() + "/access-token").POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer")), 401, "/problems/unauthorized");
    }

    // ----- reading

    @Test
    void lists_every_installation_once_in_pages_and_never_a_token() {
        List<String> mine = List.of(installed().instanceId(), installed().instanceId(), installed().instanceId());

        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            HttpResponse<String> response = api.get("/api/installations?limit=2" + (next == null ? "" : "&after=" + next));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).doesNotContainIgnoringCase("token\"");
            JsonObject page = ApiClient.json(response);
            assertThat(page.getJsonArray("items").size()).isBetween(1, 2);
            page.getJsonArray("items").forEach(item -> seen.add(item.asJsonObject().getString("instanceId")));
            next = page.isNull("next") ? null : page.getString("next");
        } while (next != null);

        assertThat(seen).doesNotHaveDuplicates().isSorted().containsAll(mine);
    }

    @Test
    void filters_by_status() {
        FakeWix.Site gone = installed();
        assertThat(api.delete("/api/installations/" + gone.instanceId()).statusCode()).isEqualTo(204);

        JsonObject page = ApiClient.json(api.get("/api/installations?status=UNINSTALLED&limit=500"));

        assertThat(page.getJsonArray("items")).isNotEmpty().allSatisfy(
                item -> assertThat(item.asJsonObject().getString("status")).isEqualTo("UNINSTALLED"));
        assertThat(page.getJsonArray("items").stream().map(item -> item.asJsonObject().getString("instanceId")))
                .contains(gone.instanceId());
    }

    @Test
    void shows_one_installation() {
        FakeWix.Site site = installed();

        HttpResponse<String> response = api.get("/api/installations/" + site.instanceId());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject installation = ApiClient.json(response);
        assertThat(installation.getString("instanceId")).isEqualTo(site.instanceId());
        assertThat(installation.getString("status")).isEqualTo("ACTIVE");
        assertThat(installation.getString("siteName")).isEqualTo(site.name());
        assertThat(installation.getString("installedAt")).isNotBlank();
        assertThat(installation.get("lastRefreshedAt")).isEqualTo(JsonValue.NULL);
        assertThat(installation.keySet()).noneMatch(key -> key.toLowerCase().contains("token"));
    }

    @Test
    void an_unknown_site_is_404_everywhere() {
        String unknown = "/api/installations/" + java.util.UUID.randomUUID();

        assertProblem(api.get(unknown), 404, "/problems/unknown-installation");
        assertProblem(api.post(unknown + "/access-token"), 404, "/problems/unknown-installation");
        assertProblem(api.post(unknown + "/setup-complete"), 404, "/problems/unknown-installation");
        assertProblem(api.get(unknown + "/instance"), 404, "/problems/unknown-installation");
        assertProblem(api.delete(unknown), 404, "/problems/unknown-installation");
    }

    // ----- operations

    @Test
    void the_openapi_document_describes_the_api_and_its_problems() {
        HttpResponse<String> document = ApiClient.withoutKey().get("/openapi");

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("/api/installations/{instanceId}/access-token", "/api/installations",
                "application/problem+json", "/problems/reauthorization-required", "/problems/uninstalled",
                "/problems/wix-unavailable", "bearer").doesNotContain("/oauth/callback");
    }

    @Test
    void metrics_count_installs_and_where_tokens_came_from() {
        org.junit.jupiter.api.Assumptions.assumeFalse(Deployments.onWildFly(),
                "WildFly has no MicroProfile Metrics (see server-config/wildfly/README.md)");
        FakeWix.Site site = installed();
        api.post("/api/installations/" + site.instanceId() + "/access-token");
        api.post("/api/installations/" + site.instanceId() + "/access-token");

        HttpResponse<String> metrics = ApiClient.withoutKey().get("/metrics?scope=application");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("wixbridge_installs_completed_total", "wixbridge_tokens_served_total",
                "source=\"database\"", "source=\"memory\"", "wixbridge_wix_calls_seconds", "call=\"oauth_access\"");
        assertThat(metrics.body()).doesNotContain(site.instanceId());
    }

    // ----- bad requests

    @ParameterizedTest
    @ValueSource(strings = {"not-an-id", "12345678-1234-1234-1234-12345678901Z", "%20"})
    void refuses_a_malformed_instance_id(String id) {
        assertProblem(api.get("/api/installations/" + id), 400, "/problems/invalid-parameter");
        assertProblem(api.post("/api/installations/" + id + "/access-token"), 400, "/problems/invalid-parameter");
    }

    @Test
    void refuses_an_oversized_instance_id() {
        assertProblem(api.get("/api/installations/" + "a".repeat(3000)), 400, "/problems/invalid-parameter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=501", "limit=abc", "limit=-1", "limit=99999999999", "status=DELETED",
            "status=active", "after=%21%21%21", "after=bm90LWFuLWlk"})
    void refuses_bad_query_parameters(String query) {
        assertProblem(api.get("/api/installations?" + query), 400, "/problems/invalid-parameter");
    }

    @Test
    void refuses_a_wrong_method_and_a_wrong_media_type() {
        String site = "/api/installations/" + java.util.UUID.randomUUID();

        // PUT registers a site (oauth mode), so the method no resource has here is PATCH.
        assertProblem(api.send(api.request(site).method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")), 405, null);
        assertProblem(api.put(site), 409, "/problems/wrong-auth-mode");
        assertProblem(api.send(api.request(site + "/access-token").POST(HttpRequest.BodyPublishers.ofString("<x/>"))
                .header("Content-Type", "application/xml")), 415, null);
        assertProblem(api.get("/api/nothing-here"), 404, null);
    }


    /**
     * Every endpoint of the API that takes a body, as the OpenAPI document lists them (so a new one
     * is covered too), sent 10 MB: each answers 413 before reading it whole. The Wix API proxy has a
     * bound of its own (wix.proxy.max-body, WixProxyIT). A body just over the bound without
     * Content-Length is refused as well; one at the bound is read.
     */
    @Test
    void every_endpoint_refuses_a_body_over_64_kib() {
        FakeWix.Site site = installed();
        HttpResponse<String> document = api.send(api.request("/openapi").header("Accept", "application/json").GET());
        assertThat(document.statusCode()).isEqualTo(200);
        List<String> sent = new ArrayList<>();
        byte[] tenMegabytes = new byte[10_000_000];
        JsonObject paths = ApiClient.json(document).getJsonObject("paths");
        for (String path : paths.keySet()) {
            if (!path.startsWith("/api/") || path.contains("/wix/")) {
                continue;
            }
            String concrete = path.replace("{instanceId}", site.instanceId()).replaceAll("\\{[^}]+}", "x");
            for (String method : paths.getJsonObject(path).keySet()) {
                String verb = method.toUpperCase(java.util.Locale.ROOT);
                if (!List.of("POST", "PUT", "PATCH", "DELETE").contains(verb)) {
                    continue;
                }
                HttpResponse<String> refused = api.send(api.request(concrete).header("Content-Type", "application/json")
                        .method(verb, HttpRequest.BodyPublishers.ofByteArray(tenMegabytes)));
                assertProblem(refused, 413, "/problems/body-too-large");
                sent.add(verb + " " + path);
            }
        }
        assertThat(sent).as("endpoints with a body").contains("POST /api/identities/instance", "PUT /api/installations/{instanceId}",
                "POST /api/installations/{instanceId}/access-token");

        byte[] justOver = new byte[64 * 1024 + 1];
        assertProblem(api.send(api.request("/api/identities/instance").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(justOver)))),
                413, "/problems/body-too-large");
        byte[] atTheBound = new byte[64 * 1024];
        java.util.Arrays.fill(atTheBound, (byte) ' ');
        assertThat(api.send(api.request("/api/identities/instance").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(atTheBound)))).statusCode())
                .as("a body at the bound is read (and found to be no JSON object)").isBetween(400, 499).isNotEqualTo(413);
        assertThat(rows.installation(site.instanceId())).hasValueSatisfying(row -> assertThat(row.get("status")).isEqualTo("ACTIVE"));
    }
}
