package dev.wixbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.RawHttp;

/**
 * URLs and credentials that a server might read differently from what the security constraint
 * means: none of them reaches the API. Sent on a raw socket, so no client tidies the path first.
 * Runs on Payara Micro, Payara Server and WildFly.
 */
class ApiPathTricksIT extends AgainstFakeWix {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Deployments.fakeWixSettings());
    }

    @Test
    void a_path_the_server_reads_differently_never_reaches_the_api() {
        FakeWix.Site site = installed();
        String token = "/installations/" + site.instanceId() + "/access-token";
        for (String path : List.of("//api" + token, "/api;x=1" + token, "/%61pi" + token, "/./api" + token,
                "/x/../api" + token, "/api/./installations/" + site.instanceId() + "/access-token",
                "/api" + token.replace("/access-token", "/%61ccess-token"), "//api/installations", "/%61pi/installations",
                "/api;x=1/installations", "/x/../api/installations", "/API" + token)) {
            for (String method : List.of("GET", "POST")) {
                assertRefused(method + " " + path, RawHttp.send(method, path, "Content-Length: 0"), site);
            }
        }
    }

    @Test
    void head_and_options_on_the_token_endpoint_need_a_key_too() {
        FakeWix.Site site = installed();
        for (String method : List.of("HEAD", "OPTIONS")) {
            assertRefused(method, RawHttp.send(method, tokenPath(site)), site);
        }
    }

    @Test
    void only_a_listed_key_exactly_as_listed_opens_the_api() {
        FakeWix.Site site = installed();
        String key = Deployments.API_KEY;
        for (String authorization : List.of("Bearer ", "Bearer", "Bearer  ", "Bearer " + key.toUpperCase(Locale.ROOT),
                "Bearer " + key + "x", "Bearer " + key + " x", "Bearer " + key.substring(0, key.length() - 1),
                "Basic " + key, "Basic " + java.util.Base64.getEncoder().encodeToString(("api-client:" + key).getBytes()),
                key, "Token " + key)) {
            assertRefused(authorization.replace(key, "<key>"),
                    RawHttp.send("POST", tokenPath(site), "Authorization: " + authorization, "Content-Length: 0"), site);
        }
        assertThat(RawHttp.status(RawHttp.send("POST", tokenPath(site), "Authorization: Bearer " + key, "Content-Length: 0")))
                .as("the key itself opens it").isEqualTo(200);
    }

    private void assertRefused(String what, String answer, FakeWix.Site site) {
        assertThat(RawHttp.status(answer)).as(what + ": " + answer).isIn(401, 404);
        assertThat(answer).as(what).doesNotContain("accessToken").doesNotContain(site.instanceId() + "\"");
        wix.secrets().forEach(secret -> assertThat(answer).as(what).doesNotContain(secret));
    }
}
