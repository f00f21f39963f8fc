package dev.wixbridge.api;

import static dev.wixbridge.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;

/**
 * The API's two locks are independent: with web.xml's mapping of the key filter gone (as if a
 * server read a URL past it), the resources' own role check still refuses every endpoint, even to
 * a caller presenting a valid key, since the filter never passed it on. Every endpoint the OpenAPI document lists is tried.
 */
class ApiSecondLockIT extends AgainstFakeWix {

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = Deployments.war(Deployments.fakeWixSettings());
        String webXml;
        try (var in = war.get("WEB-INF/web.xml").getAsset().openStream()) {
            webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String unlocked = webXml.replaceAll("(?s)<filter-mapping>\\s*<filter-name>api-key</filter-name>.*?</filter-mapping>", "");
        assertThat(unlocked).as("the WAR's web.xml maps the key filter").isNotEqualTo(webXml);
        war.delete("WEB-INF/web.xml");
        return war.addAsWebInfResource(new StringAsset(unlocked), "web.xml");
    }

    @Test
    void every_api_endpoint_still_refuses_a_caller_nobody_logged_in() {
        FakeWix.Site site = installed();
        int callsToWix = wix.calls().size();
        ApiClient api = ApiClient.withKey(Deployments.API_KEY);
        HttpResponse<String> document = api.send(api.request("/openapi").header("Accept", "application/json").GET());
        assertThat(document.statusCode()).isEqualTo(200);
        JsonObject paths = ApiClient.json(document).getJsonObject("paths");
        List<String> tried = new ArrayList<>();
        for (String path : paths.keySet()) {
            if (!path.startsWith("/api/")) {
                continue;
            }
            String concrete = path.replace("{instanceId}", site.instanceId()).replace("{path}", "apps/v1/instance")
                    .replaceAll("\\{[^}]+}", "x");
            for (String method : paths.getJsonObject(path).keySet()) {
                String verb = method.toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(verb)) {
                    continue;
                }
                for (ApiClient caller : List.of(api, ApiClient.withoutKey())) {
                    HttpResponse<String> refused = caller.send(caller.request(concrete).header("Content-Type", "application/json")
                            .method(verb, HttpRequest.BodyPublishers.ofString("{}")));
                    assertProblem(refused, 401, "/problems/unauthorized");
                    assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                            value -> assertThat(value).startsWith("Bearer"));
                }
                tried.add(verb + " " + path);
            }
        }
        assertThat(tried).as("endpoints tried").contains("GET /api/installations", "DELETE /api/installations/{instanceId}",
                "POST /api/installations/{instanceId}/access-token", "GET /api/events", "POST /api/token-keys/reseal");
        assertThat(rows.installation(site.instanceId())).hasValueSatisfying(row -> assertThat(row.get("status")).isEqualTo("ACTIVE"));
        assertThat(wix.calls()).as("nothing was asked of Wix").hasSize(callsToWix);
    }
}
