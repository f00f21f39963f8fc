package dev.wixbridge.proxy;

import static dev.wixbridge.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.Concurrently;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;

/** The Wix API proxy in {@code oauth} mode: the site's token comes by client credentials. */
class WixProxyOAuthIT extends AgainstFakeWix {

    private final ApiClient api = ApiClient.withKey(Deployments.API_KEY);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Deployments.oauthSettings());
    }

    @Test
    void a_registered_site_is_called_with_its_client_credentials_token() {
        FakeWix.Site site = registered();

        HttpResponse<String> response = proxy(site, "stores/v1/things?x=1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(response).getString("instanceId")).isEqualTo(site.instanceId());
        assertThat(ApiClient.json(response).getString("query")).isEqualTo("x=1");
        assertThat(wix.clientCredentialCallsFor(site)).isEqualTo(1);
        assertNoTokenIn(response);
    }

    @Test
    void concurrent_calls_on_a_refused_token_share_one_client_credentials_call() throws Exception {
        FakeWix.Site site = registered();
        wix.revokeAccessTokens(site);
        int callers = 100;
        wix.holdApiCallsUntil(Deployments.CONCURRENT_REQUESTS);

        List<HttpResponse<String>> responses = Concurrently.call(callers, i -> proxy(site, "apps/v1/together"));

        assertThat(wix.apiCallsMet()).as(Deployments.CONCURRENT_REQUESTS + " calls were at Wix at once").isTrue();
        assertThat(responses).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertNoTokenIn(response);
        });
        assertThat(wix.clientCredentialCallsFor(site)).isEqualTo(2);
    }

    @Test
    void a_site_wix_will_not_serve_gets_the_token_api_problem() {
        FakeWix.Site site = registered();
        wix.removeApp(site);
        wix.revokeAccessTokens(site);

        HttpResponse<String> response = proxy(site, "apps/v1/instance");

        assertProblem(response, 409, "/problems/site-refused");
        assertProblem(proxy(wix.unknownSite(), "apps/v1/instance"), 404, "/problems/unknown-installation");
    }

    private FakeWix.Site registered() {
        FakeWix.Site site = wix.newOAuthSite();
        assertThat(api.put("/api/installations/" + site.instanceId()).statusCode()).isEqualTo(201);
        return site;
    }

    private HttpResponse<String> proxy(FakeWix.Site site, String pathAndQuery) {
        return api.get("/api/installations/" + site.instanceId() + "/wix/" + pathAndQuery);
    }

    private void assertNoTokenIn(HttpResponse<String> response) {
        String answer = response.headers().map() + response.body();
        assertThat(wix.secrets()).noneMatch(answer::contains);
    }
}
