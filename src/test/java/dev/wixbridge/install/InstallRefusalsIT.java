package dev.wixbridge.install;

import static dev.wixbridge.testing.InstallPageAssertions.assertPage;
import static dev.wixbridge.testing.OwnerJourney.approve;
import static dev.wixbridge.testing.OwnerJourney.queryOf;
import static dev.wixbridge.testing.OwnerJourney.withParameter;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.Browser;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.OwnerJourney;
import dev.wixbridge.testing.ServerLog;

/** Every way an install request can be wrong: a clear page, the right status, nothing stored. */
class InstallRefusalsIT extends AgainstFakeWix {

    private static final String CALLBACK = Deployments.REDIRECT_URL;

    private final Browser browser = new Browser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Deployments.fakeWixSettings());
    }

    // ----- App URL

    @ParameterizedTest
    @ValueSource(strings = {"", "?token=", "?token=%20", "?token=a&token=b", "?other=1"})
    void app_url_refuses_a_missing_empty_or_duplicated_token(String query) {
        long states = rows.count("SELECT COUNT(*) FROM install_state");

        assertPage(browser.get(OwnerJourney.APP_URL + query), 400, "This link is incomplete", "open the app again");

        assertThat(rows.count("SELECT COUNT(*) FROM install_state")).as("states stored").isEqualTo(states);
    }

    @Test
    void app_url_refuses_an_oversized_token() {
        long states = rows.count("SELECT COUNT(*) FROM install_state");

        assertPage(browser.get(OwnerJourney.APP_URL + "?token=" + "t".repeat(4097)), 400, "too long");

        assertThat(rows.count("SELECT COUNT(*) FROM install_state")).isEqualTo(states);
    }

    @Test
    void app_url_accepts_a_token_of_exactly_four_kilobytes() {
        HttpResponse<String> response = browser.get(OwnerJourney.APP_URL + "?token=" + "t".repeat(4096));
        assertThat(response.statusCode()).isEqualTo(302);
    }

    // ----- Redirect URL: parameters

    @ParameterizedTest
    @ValueSource(strings = {"code", "instanceId", "state"})
    void callback_refuses_a_missing_parameter(String missing) {
        FakeWix.Site site = wix.newSite();
        URI callback = approve(browser, site);
        Map<String, String> query = queryOf(callback);
        query.remove(missing);

        assertPage(browser.get(CALLBACK + "?" + join(query)), 400, "“" + missing + "” part is missing");
        assertNothingHappenedFor(site, callback);
    }

    @ParameterizedTest
    @ValueSource(strings = {"code", "instanceId", "state"})
    void callback_refuses_an_empty_parameter(String empty) {
        FakeWix.Site site = wix.newSite();
        URI callback = approve(browser, site);

        assertPage(browser.get(withParameter(callback, empty, "")), 400, "is empty");
        assertNothingHappenedFor(site, callback);
    }

    @ParameterizedTest
    @ValueSource(strings = {"code", "instanceId", "state"})
    void callback_refuses_a_duplicated_parameter(String duplicated) {
        FakeWix.Site site = wix.newSite();
        URI callback = approve(browser, site);
        String twice = callback + "&" + duplicated + "=" + queryOf(callback).get(duplicated);

        assertPage(browser.get(twice), 400, "appears more than once");
        assertNothingHappenedFor(site, callback);
    }

    @ParameterizedTest
    @ValueSource(strings = {"code", "state"})
    void callback_refuses_an_oversized_parameter(String oversized) {
        FakeWix.Site site = wix.newSite();
        URI callback = approve(browser, site);

        assertPage(browser.get(withParameter(callback, oversized, "x".repeat(5000))), 400, "too long");
        assertNothingHappenedFor(site, callback);
    }

    @Test
    void callback_refuses_an_instance_id_that_is_not_one() {
        FakeWix.Site site = wix.newSite();
        URI callback = approve(browser, site);

        assertPage(browser.get(withParameter(callback, "instanceId", "../../admin")), 400, "is not a Wix instance id");
        assertNothingHappenedFor(site, callback);
    }

    // ----- Redirect URL: state

    @Test
    void callback_refuses_a_forged_state() {
        FakeWix.Site site = wix.newSite();
        URI callback = approve(browser, site);

        assertPage(browser.get(withParameter(callback, "state", "A".repeat(43))), 403, "not valid");
        assertPage(browser.get(withParameter(callback, "state", "forged")), 403, "not valid");
        assertNothingHappenedFor(site, callback);
    }

    @Test
    void callback_refuses_an_expired_state() {
        FakeWix.Site site = wix.newSite();
        URI callback = approve(browser, site);
        String stateHash = Deployments.fingerprint(queryOf(callback).get("state"));
        java.time.OffsetDateTime elevenMinutesAgo = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(11);
        assertThat(rows.update("UPDATE install_state SET created_at = ?, expires_at = ? WHERE state_hash = ?",
                elevenMinutesAgo, elevenMinutesAgo.plusMinutes(10), stateHash)).isEqualTo(1);

        assertPage(browser.get(callback), 410, "expired", "open the app again");
        assertNothingHappenedFor(site, callback);
    }

    @Test
    void callback_refuses_a_replayed_state_with_another_code() {
        FakeWix.Site site = wix.newSite();
        URI callback = approve(browser, site);
        assertThat(browser.get(callback).statusCode()).isEqualTo(302);
        Map<String, Object> installed = rows.installation(site.instanceId()).orElseThrow();
        String otherCode = wix.codeFor(site);

        assertPage(browser.get(withParameter(callback, "code", otherCode)), 403, "already used");

        assertThat(wix.codeExchanges(otherCode)).isZero();
        assertThat(rows.installation(site.instanceId())).hasValue(installed);
    }

    @Test
    void callback_refuses_a_state_from_another_browser() {
        FakeWix.Site site = wix.newSite();
        URI callback = approve(browser, site);
        Browser attacker = new Browser();
        OwnerJourney.openAppUrl(attacker, wix.newSite()); // the attacker's browser has a cookie of its own

        assertPage(attacker.get(callback), 403, "same browser");
        assertNothingHappenedFor(site, callback);
    }

    @Test
    void callback_refuses_a_browser_without_the_install_cookie() {
        FakeWix.Site site = wix.newSite();
        URI callback = approve(browser, site);
        browser.forgetCookies();

        assertPage(browser.get(callback), 403, "same browser", "allow cookies");
        assertNothingHappenedFor(site, callback);
    }

    @Test
    void callback_refuses_a_tampered_instance_id_and_leaves_the_other_site_alone() {
        FakeWix.Site victim = wix.newSite();
        assertThat(OwnerJourney.install(new Browser(), victim).statusCode()).isEqualTo(302);
        Map<String, Object> victimRow = rows.installation(victim.instanceId()).orElseThrow();
        FakeWix.Site attackers = wix.newSite();
        URI callback = approve(browser, attackers);
        URI tampered = withParameter(callback, "instanceId", victim.instanceId());

        assertPage(browser.get(tampered), 403, "does not match");
        assertPage(browser.get(tampered), 403, "does not match");

        assertThat(rows.installation(victim.instanceId())).as("victim's row").hasValue(victimRow);
        assertThat(rows.installations(attackers.instanceId())).isZero();
        assertThat(wix.codeExchanges(queryOf(callback).get("code"))).as("a reload asks Wix nothing more").isEqualTo(1);
    }

    @Test
    void callback_refuses_an_instance_wix_does_not_confirm() {
        FakeWix.Site site = wix.newSite();
        URI callback = approve(browser, site);
        wix.reportInstanceAs(site, UUID.randomUUID().toString());

        assertPage(browser.get(callback), 403, "does not match");
        assertThat(rows.installations(site.instanceId())).isZero();
    }

    // ----- Wix says no

    @Test
    void callback_tells_the_owner_to_start_again_when_wix_rejects_an_expired_code() {
        FakeWix.Site site = wix.newSite();
        URI callback = approve(browser, site);
        wix.advanceClock(FakeWix.CODE_LIFETIME.plus(Duration.ofSeconds(1)));

        assertPage(browser.get(callback), 400, "Wix did not accept", "open the app again");
        assertPage(browser.get(callback), 400, "Wix did not accept");

        assertThat(wix.codeExchanges(queryOf(callback).get("code"))).as("the reload asks Wix nothing more").isEqualTo(1);
        assertThat(rows.installations(site.instanceId())).isZero();
    }

    @Test
    void callback_refuses_a_code_already_traded_by_another_install() {
        FakeWix.Site site = wix.newSite();
        URI first = approve(browser, site);
        assertThat(browser.get(first).statusCode()).isEqualTo(302);
        URI second = withParameter(approve(browser, wix.reinstall(site)), "code", queryOf(first).get("code"));

        assertPage(browser.get(second), 400, "Wix did not accept");
    }

    @Test
    void wrong_app_secret_shows_a_not_ready_page_and_stores_nothing() {
        FakeWix.Site site = wix.newSite();
        URI callback = approve(browser, site);
        wix.rotateAppSecret();

        assertPage(browser.get(callback), 503, "not ready");
        assertThat(rows.installations(site.instanceId())).isZero();
        assertThat(ServerLog.text()).contains("Wix refused our app credentials").contains("wix.app-secret");

        wix.reset(Deployments.REDIRECT_URL);
        assertThat(browser.get(callback).statusCode()).as("the same callback once the secret is right").isEqualTo(302);
    }

    // -----

    private void assertNothingHappenedFor(FakeWix.Site site, URI callback) {
        assertThat(wix.codeExchanges(queryOf(callback).get("code"))).as("code exchanges at Wix").isZero();
        assertThat(rows.installations(site.instanceId())).as("installation rows").isZero();
    }

    private static String join(Map<String, String> query) {
        StringBuilder joined = new StringBuilder();
        query.forEach((k, v) -> joined.append(joined.length() == 0 ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joined.toString();
    }
}
