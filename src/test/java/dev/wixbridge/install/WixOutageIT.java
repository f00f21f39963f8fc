package dev.wixbridge.install;

import static dev.wixbridge.testing.InstallPageAssertions.assertPage;
import static dev.wixbridge.testing.OwnerJourney.approve;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.Browser;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.SealedTokens;
import dev.wixbridge.testing.UncertainRefreshes;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.FakeWix.Failure;

/**
 * Wix down, slow, rate limiting or talking nonsense: the owner is told to reload and nothing
 * is stored; a refresh is retried. The server here waits one second for Wix's answers.
 */
class WixOutageIT extends AgainstFakeWix {

    private final Browser browser = new Browser();
    private final ApiClient api = ApiClient.withKey(Deployments.API_KEY);

    private FakeWix.Site installedAndExpired() {
        FakeWix.Site site = installed();
        expire(site);
        return site;
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> settings = Deployments.fakeWixSettings();
        settings.put("wix.read-timeout-ms", "1000");
        return Deployments.war(settings);
    }

    @Test
    void a_server_error_at_wix_asks_for_a_reload_and_the_reload_completes_the_install() {
        FakeWix.Site site = wix.newSite();
        URI callback = approve(browser, site);
        wix.failTokenCalls(Failure.status(503));

        HttpResponse<String> page = browser.get(callback);
        assertPage(page, 503, "Wix is not answering", "reload this page");
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(rows.installations(site.instanceId())).isZero();

        assertThat(browser.get(callback).statusCode()).as("reload").isEqualTo(302);
        assertThat(rows.installations(site.instanceId())).isEqualTo(1);
    }

    @Test
    void rate_limiting_passes_wix_retry_after_on() {
        FakeWix.Site site = wix.newSite();
        URI callback = approve(browser, site);
        wix.failTokenCalls(Failure.rateLimited("30"));

        HttpResponse<String> page = browser.get(callback);
        assertPage(page, 503, "reload this page");
        assertThat(page.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(rows.installations(site.instanceId())).isZero();
    }

    @Test
    void a_slow_token_endpoint_times_out_with_a_reload_page() {
        FakeWix.Site site = wix.newSite();
        URI callback = approve(browser, site);
        wix.failTokenCalls(Failure.slow(Duration.ofSeconds(3)));

        assertPage(browser.get(callback), 503, "reload this page");
        assertThat(rows.installations(site.instanceId())).isZero();
    }

    @Test
    void an_answer_that_is_not_json_is_a_bad_gateway_and_a_reload_retries() {
        FakeWix.Site site = wix.newSite();
        URI callback = approve(browser, site);
        wix.failTokenCalls(Failure.malformed());

        assertPage(browser.get(callback), 502, "reload this page");
        assertThat(rows.installations(site.instanceId())).isZero();

        assertThat(browser.get(callback).statusCode()).as("reload").isEqualTo(302);
        assertThat(rows.installations(site.instanceId())).isEqualTo(1);
    }

    @Test
    void a_refresh_slower_than_the_callers_wait_goes_on_and_is_sent_once() {
        FakeWix.Site site = installedAndExpired();
        wix.failTokenCalls(Failure.slow(Duration.ofSeconds(2)));

        HttpResponse<String> waiting = api.post(tokenPath(site));

        assertThat(waiting.statusCode()).as(waiting.body()).isEqualTo(503);
        assertThat(waiting.headers().firstValue("Retry-After")).isPresent();
        HttpResponse<String> served = UncertainRefreshes.awaitToken(api, site, Duration.ofSeconds(10));
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        assertThat(wix.refreshesFor(site)).isEqualTo(1);
    }

    @Test
    void a_rotated_refresh_token_that_wix_sends_late_is_kept() {
        FakeWix.Site site = installedAndExpired();
        wix.rotateRefreshTokens();
        wix.failTokenCalls(Failure.answerLost(Duration.ofSeconds(2))); // Wix rotates at once, answers after the callers left

        HttpResponse<String> response = api.post(tokenPath(site));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(UncertainRefreshes.awaitToken(api, site, Duration.ofSeconds(10)).statusCode()).isEqualTo(200);
        assertThat(rows.installation(site.instanceId()).orElseThrow().get("status")).isEqualTo("ACTIVE");
        assertThat(SealedTokens.open(rows.installation(site.instanceId()).orElseThrow(), "refresh"))
                .isEqualTo(wix.refreshTokenOf(site));
        assertThat(wix.refusedRefreshesFor(site)).isZero();
    }

    @Test
    void the_instance_check_failing_stores_nothing() {
        FakeWix.Site site = wix.newSite();
        URI callback = approve(browser, site);
        wix.failInstanceCalls(Failure.status(500));

        assertPage(browser.get(callback), 503, "reload this page");
        assertThat(rows.installations(site.instanceId())).isZero();
    }
}
