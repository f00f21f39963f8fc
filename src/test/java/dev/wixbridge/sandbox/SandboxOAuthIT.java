package dev.wixbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.Browser;
import dev.wixbridge.testing.Deployments;

/** {@code WIX_AUTH_MODE=oauth mvn -Prun}: the sandbox plays Wix's current OAuth, client credentials and all. */
class SandboxOAuthIT extends AgainstFakeWix {

    private final Browser browser = new Browser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> settings = Deployments.sandboxSettings();
        settings.put("wix.auth-mode", "oauth");
        return Deployments.war(settings);
    }

    @Test
    void a_newcomer_adds_a_demo_site_that_is_registered_and_gets_a_token_by_client_credentials() {
        HttpResponse<String> home = browser.get(Deployments.SERVER + "/");
        assertThat(home.body()).contains("Sandbox mode", "current OAuth", "Install a demo site");

        HttpResponse<String> installed = browser.send(post("/sandbox/sites"));

        assertThat(installed.statusCode()).isEqualTo(200);
        assertThat(installed.body()).contains("installed", "client credentials", "Get an access token");
        Matcher site = Pattern.compile("/sandbox/sites/([0-9a-f-]{36})/access-token").matcher(installed.body());
        assertThat(site.find()).isTrue();
        String key = SandboxIT.sandboxKey(home);
        assertThat(ApiClient.json(ApiClient.withKey(key).get("/api/installations/" + site.group(1))).getString("status"))
                .isEqualTo("ACTIVE");
        HttpResponse<String> token = browser.send(post("/sandbox/sites/" + site.group(1) + "/access-token"));
        assertThat(token.body()).contains("A valid access token");
        assertThat(browser.get(Deployments.SERVER + "/install?token=t").statusCode()).isEqualTo(404);
    }

    private static HttpRequest post(String path) {
        return HttpRequest.newBuilder(URI.create(Deployments.SERVER + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }
}
