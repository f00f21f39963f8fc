package dev.wixbridge.install;

import static dev.wixbridge.testing.InstallPageAssertions.assertInstallHeaders;
import static dev.wixbridge.testing.InstallPageAssertions.assertPage;
import static dev.wixbridge.testing.OwnerJourney.approve;
import static dev.wixbridge.testing.OwnerJourney.locationQuery;
import static dev.wixbridge.testing.OwnerJourney.openAppUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.Browser;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.OwnerJourney;
import dev.wixbridge.testing.SealedTokens;

/** The install handshake as a site owner's browser goes through it, against the fake Wix. */
class InstallFlowIT extends AgainstFakeWix {

    private final Browser browser = new Browser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Deployments.fakeWixSettings());
    }

    @Test
    void the_start_up_log_says_in_one_line_what_runs() {
        String datasource = System.getProperty("it.datasource", "");
        String database = !datasource.isEmpty() ? "server datasource " + datasource
                : "postgresql".equals(System.getProperty("it.db", "h2")) ? "PostgreSQL " + System.getProperty("it.postgresql.url")
                : "H2 file jdbc:h2:file:";

        assertThat(dev.wixbridge.testing.ServerLog.text()).containsPattern(java.util.regex.Pattern.quote(
                "Wix Bridge started: auth mode custom; database " + database) + "[^;\\n]*; token keys " + SealedTokens.FIRST_KEY_ID
                + "; features: sandbox off, metrics " + (Deployments.onWildFly() ? "off" : "on") + ", webhooks on");
    }

    @Test
    void installs_a_site_from_app_url_to_close_window() {
        FakeWix.Site site = wix.newSite();

        HttpResponse<String> toConsent = openAppUrl(browser, site);
        assertThat(toConsent.statusCode()).isEqualTo(302);
        URI consent = URI.create(toConsent.headers().firstValue("Location").orElseThrow());
        assertThat(consent.toString()).startsWith(FakeWix.baseUrl() + "/installer/install?");
        Map<String, String> query = OwnerJourney.queryOf(consent);
        assertThat(query).containsEntry("token", site.installToken())
                .containsEntry("appId", FakeWix.APP_ID)
                .containsEntry("redirectUrl", Deployments.REDIRECT_URL);
        assertThat(query.get("state")).as("256 random bits, base64url").matches("[A-Za-z0-9_-]{43}");
        assertThat(toConsent.headers().allValues("Set-Cookie")).singleElement().asString()
                .contains("HttpOnly").containsIgnoringCase("SameSite=Lax");

        HttpResponse<String> toCallback = browser.follow(toConsent);
        assertThat(toCallback.statusCode()).isEqualTo(302);
        HttpResponse<String> toCloseWindow = browser.follow(toCallback);
        assertThat(toCloseWindow.statusCode()).isEqualTo(302);
        String closeWindow = toCloseWindow.headers().firstValue("Location").orElseThrow();
        assertThat(closeWindow).startsWith(FakeWix.baseUrl() + "/installer/close-window?access_token=");
        String accessToken = locationQuery(toCloseWindow).get("access_token");
        assertThat(wix.isValidAccessToken(accessToken, site)).isTrue();
        assertThat(browser.follow(toCloseWindow).statusCode()).as("Wix's close-window page").isEqualTo(200);

        Map<String, Object> row = rows.installation(site.instanceId()).orElseThrow();
        assertThat(row.get("status")).isEqualTo("ACTIVE");
        assertThat(row.get("token_key_id")).isEqualTo(SealedTokens.FIRST_KEY_ID);
        assertThat(SealedTokens.open(row, "refresh")).isEqualTo(wix.refreshTokenOf(site));
        assertThat(SealedTokens.open(row, "access")).isEqualTo(accessToken);
        assertThat(row.values()).as("no token in clear").doesNotContain(accessToken, wix.refreshTokenOf(site));
        assertThat(row.get("access_token_expires_at")).isNotNull();
        assertThat(row.get("installed_at")).isNotNull();
        assertThat(row.get("updated_at")).isNotNull();
    }

    @Test
    void state_is_fresh_for_every_install_and_stored_only_as_a_fingerprint() {
        FakeWix.Site site = wix.newSite();
        String first = locationQuery(openAppUrl(browser, site)).get("state");
        String second = locationQuery(openAppUrl(browser, site)).get("state");

        assertThat(first).isNotEqualTo(second);
        assertThat(rows.count("SELECT COUNT(*) FROM install_state WHERE state_hash = ? OR state_hash = ?", first, second))
                .as("raw states in the database").isZero();
        assertThat(rows.count("SELECT COUNT(*) FROM install_state WHERE state_hash = ? OR state_hash = ?",
                Deployments.fingerprint(first), Deployments.fingerprint(second)))
                .as("the fingerprints of both states, stored").isEqualTo(2);
    }

    @Test
    void reinstall_updates_the_same_row_and_reactivates_the_site() {
        FakeWix.Site site = wix.newSite();
        assertThat(OwnerJourney.install(browser, site).statusCode()).isEqualTo(302);
        Map<String, Object> first = rows.installation(site.instanceId()).orElseThrow();
        rows.update("UPDATE installation SET status = 'REAUTH_REQUIRED' WHERE instance_id = ?", site.instanceId());

        FakeWix.Site again = wix.reinstall(site);
        assertThat(OwnerJourney.install(new Browser(), again).statusCode()).isEqualTo(302);

        assertThat(rows.installations(site.instanceId())).isEqualTo(1);
        Map<String, Object> second = rows.installation(site.instanceId()).orElseThrow();
        assertThat(second.get("status")).isEqualTo("ACTIVE");
        assertThat(SealedTokens.open(second, "refresh")).isNotEqualTo(SealedTokens.open(first, "refresh"))
                .isEqualTo(wix.refreshTokenOf(again));
        assertThat(second.get("installed_at")).isEqualTo(first.get("installed_at"));
        assertThat(second.get("updated_at")).isNotEqualTo(first.get("updated_at"));
    }

    @Test
    void reloading_the_callback_gives_the_same_outcome_and_trades_the_code_once() {
        FakeWix.Site site = wix.newSite();
        URI callback = approve(browser, site);
        String code = OwnerJourney.queryOf(callback).get("code");

        HttpResponse<String> first = browser.get(callback);
        HttpResponse<String> reload = browser.get(callback);

        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(reload.statusCode()).isEqualTo(302);
        assertThat(reload.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(wix.codeExchanges(code)).isEqualTo(1);
        assertThat(rows.installations(site.instanceId())).isEqualTo(1);
    }

    @Test
    void a_finished_link_loaded_late_or_in_another_browser_hands_out_no_token() {
        FakeWix.Site site = wix.newSite();
        URI callback = approve(browser, site);
        HttpResponse<String> first = browser.get(callback);
        assertThat(first.statusCode()).isEqualTo(302);
        String token = OwnerJourney.locationQuery(first).get("access_token");
        assertThat(token).isNotBlank();

        Browser other = new Browser();
        OwnerJourney.openAppUrl(other, wix.newSite()); // a cookie of its own
        HttpResponse<String> elsewhere = other.get(callback);
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(elsewhere.headers().firstValue("Location")).isEmpty();
        assertThat(elsewhere.body()).doesNotContain(token);

        // the same browser, but eleven minutes after the install finished (the link in its history)
        assertThat(rows.update("UPDATE install_state SET finished_at = ? WHERE state_hash = ?",
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(11),
                Deployments.fingerprint(OwnerJourney.queryOf(callback).get("state")))).isEqualTo(1);
        HttpResponse<String> late = browser.get(callback);
        assertPage(late, 200, "The app is installed", "You can close this window.");
        assertThat(late.headers().firstValue("Location")).isEmpty();
        assertThat(late.body()).doesNotContain(token);
        assertThat(wix.codeExchanges(OwnerJourney.queryOf(callback).get("code"))).isEqualTo(1);
    }

    @Test
    void concurrent_duplicate_callbacks_trade_the_code_exactly_once() throws Exception {
        FakeWix.Site site = wix.newSite();
        URI callback = approve(browser, site);
        String code = OwnerJourney.queryOf(callback).get("code");
        wix.delayTokenCalls(Duration.ofMillis(700));

        ExecutorService tabs = Executors.newFixedThreadPool(6);
        try {
            List<Callable<HttpResponse<String>>> loads = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                loads.add(() -> browser.get(callback));
            }
            List<String> locations = new ArrayList<>();
            for (Future<HttpResponse<String>> load : tabs.invokeAll(loads)) {
                HttpResponse<String> response = load.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
                locations.add(response.headers().firstValue("Location").orElseThrow());
            }
            assertThat(locations).as("every tab gets the same outcome").containsOnly(locations.get(0));
        } finally {
            tabs.shutdownNow();
        }
        assertThat(wix.codeExchanges(code)).isEqualTo(1);
        assertThat(rows.installations(site.instanceId())).isEqualTo(1);
    }

    @Test
    void one_browser_may_have_several_installs_in_flight() {
        FakeWix.Site first = wix.newSite();
        FakeWix.Site second = wix.newSite();
        URI firstCallback = approve(browser, first);
        URI secondCallback = approve(browser, second);

        assertThat(browser.get(secondCallback).statusCode()).isEqualTo(302);
        assertThat(browser.get(firstCallback).statusCode()).isEqualTo(302);

        assertThat(rows.installations(first.instanceId())).isEqualTo(1);
        assertThat(rows.installations(second.instanceId())).isEqualTo(1);
    }

    @Test
    void unknown_extra_parameters_from_wix_are_ignored() {
        FakeWix.Site site = wix.newSite();
        HttpResponse<String> toConsent = browser.get(OwnerJourney.APP_URL + "?locale=en&token=" + site.installToken()
                + "&viewMode=editor");
        assertThat(toConsent.statusCode()).isEqualTo(302);
        HttpResponse<String> toCallback = browser.follow(toConsent);
        URI callback = URI.create(toCallback.headers().firstValue("Location").orElseThrow() + "&siteId=abc&extra=");

        assertThat(browser.get(callback).statusCode()).isEqualTo(302);
        assertThat(rows.installations(site.instanceId())).isEqualTo(1);
    }

    @Test
    void install_urls_send_wix_headers_on_success_and_on_error() {
        FakeWix.Site site = wix.newSite();
        HttpResponse<String> toConsent = openAppUrl(browser, site);
        assertThat(toConsent.statusCode()).isEqualTo(302);
        assertInstallHeaders(toConsent);

        HttpResponse<String> toCloseWindow = browser.get(approve(browser, site));
        assertThat(toCloseWindow.statusCode()).isEqualTo(302);
        assertInstallHeaders(toCloseWindow);

        assertPage(browser.get(OwnerJourney.APP_URL), 400, "open the app again");
        assertPage(browser.get(Deployments.REDIRECT_URL + "?code=c&instanceId=" + site.instanceId()
                + "&state=" + "x".repeat(43)), 403, "not valid");
    }
}
