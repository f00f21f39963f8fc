package dev.wixbridge.token;

import static dev.wixbridge.testing.InstallPageAssertions.assertPage;
import static dev.wixbridge.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.Browser;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.OwnerJourney;
import dev.wixbridge.testing.SealedTokens;
import dev.wixbridge.testing.ServerLog;

/**
 * Keys an admin got wrong, refused at start and named by their position in the list only:
 * {@code wix.token-keys} written the wrong way round ({@code key:id}), and an {@code api.keys}
 * entry too short to be a secret. Readiness is DOWN for the token keys; an install answers 503
 * and stores nothing; the API and the admin login answer 503 whatever key is presented; no log
 * line quotes any part of a key.
 */
class MisconfiguredKeysIT extends AgainstFakeWix {

    private static final String SHORT_API_KEY = "short-api-key-" + java.util.UUID.randomUUID().toString().substring(0, 8);

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> settings = Deployments.fakeWixSettings();
        settings.put("wix.token-keys", SealedTokens.SECOND_KEY + ":" + SealedTokens.SECOND_KEY_ID);
        settings.put("api.keys", Deployments.API_KEY + "," + SHORT_API_KEY);
        return Deployments.war(settings);
    }

    @Test
    void a_short_api_key_closes_the_api_and_the_admin_page_with_a_503() {
        assertThat(SHORT_API_KEY).hasSizeLessThan(32);
        for (String key : new String[] {Deployments.API_KEY, SHORT_API_KEY}) {
            HttpResponse<String> refused = ApiClient.withKey(key).get("/api/installations");
            assertProblem(refused, 503, "/problems/configuration-incomplete");
            assertThat(refused.body()).contains("api.keys").doesNotContain(SHORT_API_KEY);
        }
        HttpResponse<String> login = new Browser().send(HttpRequest.newBuilder(URI.create(Deployments.SERVER + "/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("key=" + Deployments.API_KEY)).build());
        assertPage(login, 503, "misconfigured");
        assertThat(ServerLog.text()).contains("api.keys: entry 2 of 2 is shorter than 32 characters").doesNotContain(SHORT_API_KEY);
    }

    @Test
    void readiness_names_the_entry_by_its_position_and_quotes_nothing_of_it() throws Exception {
        HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Deployments.HEALTH + "/ready"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"token-keys\"", "entry 1 of 1").doesNotContain(SealedTokens.SECOND_KEY.substring(0, 12));
        assertThat(ServerLog.text()).contains("Token keys unusable: wix.token-keys: entry 1 of 1")
                .doesNotContain(SealedTokens.SECOND_KEY.substring(0, 12));
    }

    @Test
    void an_install_answers_503_and_stores_nothing() {
        FakeWix.Site site = wix.newSite();

        HttpResponse<String> finished = OwnerJourney.install(new Browser(), site);

        assertPage(finished, 503, "reload");
        assertThat(rows.installations(site.instanceId())).isZero();
    }
}
