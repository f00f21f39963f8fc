package dev.wixbridge.admin;

import static dev.wixbridge.testing.InstallPageAssertions.assertInstallHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.Browser;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.WebhookSigner;

/** The admin page: a login backed by the API keys, the installations at a glance, a re-check of one site. */
class AdminPageIT extends AgainstFakeWix {

    private static final String ADMIN = Deployments.SERVER + "/admin";

    private final Browser browser = new Browser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Deployments.fakeWixSettings());
    }

    @Test
    void shows_a_login_form_and_refuses_a_wrong_key() {
        HttpResponse<String> login = browser.get(ADMIN);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<label for=\"key\">API key</label>").doesNotContain("<table>");

        HttpResponse<String> refused = browser.send(form("/admin/login", "key=wrong"));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("not one of the API keys");
        assertInstallHeaders(refused);
    }

    @Test
    void lists_installations_filters_by_status_and_rechecks_a_site() {
        FakeWix.Site site = installed();
        FakeWix.Site gone = installed();
        assertThat(ApiClient.withKey(Deployments.API_KEY).delete("/api/installations/" + gone.instanceId()).statusCode())
                .isEqualTo(204);
        logIn();

        HttpResponse<String> all = browser.get(ADMIN);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains(site.instanceId(), gone.instanceId(), "ACTIVE", "UNINSTALLED");

        HttpResponse<String> uninstalled = browser.get(ADMIN + "?status=UNINSTALLED");
        assertThat(uninstalled.body()).contains(gone.instanceId()).doesNotContain(site.instanceId());

        assertThat(browser.send(form("/admin/installations/" + site.instanceId() + "/recheck", "csrf=forged")).statusCode())
                .as("a form without the session's token").isEqualTo(403);
        assertThat(wix.refreshesFor(site)).isZero();

        HttpResponse<String> rechecked = browser.send(form("/admin/installations/" + site.instanceId() + "/recheck",
                "csrf=" + csrf(all.body())));
        assertThat(rechecked.statusCode()).isEqualTo(303);
        assertThat(browser.follow(rechecked).body()).contains("Re-checked " + site.instanceId() + " with Wix: a valid access token")
                .doesNotContain("Issued");
        assertThat(wix.refreshesFor(site)).isEqualTo(1);
    }

    @Test
    void a_forged_or_tampered_login_cookie_is_not_a_login() {
        logIn();
        String csrf = csrf(browser.get(ADMIN).body());
        Browser forger = new Browser();

        HttpResponse<String> page = forger.send(HttpRequest.newBuilder(URI.create(ADMIN))
                .header("Cookie", "wix_bridge_admin=99999999999." + csrf + ".forged-signature").GET().build());

        assertThat(page.body()).contains("API key").doesNotContain("<table>");
    }

    @Test
    void logging_out_ends_the_session() {
        logIn();
        String csrf = csrf(browser.get(ADMIN).body());

        assertThat(browser.send(form("/admin/logout", "csrf=" + csrf)).statusCode()).isEqualTo(303);

        assertThat(browser.get(ADMIN).body()).contains("API key").doesNotContain("<table>");
    }

    @Test
    void shows_the_latest_events_of_each_site() {
        FakeWix.Site site = installed();
        assertThat(WebhookSigner.deliver(WebhookSigner.webhook(WebhookSigner.Event.of("PaidPlanPurchased", site.instanceId(),
                "{\"vendorProductId\":\"gold\"}"))).statusCode()).isEqualTo(200);
        logIn();

        assertThat(browser.get(ADMIN).body()).contains("Latest events", "PaidPlanPurchased");
    }

    @Test
    void the_home_page_names_the_webhook_url() {
        assertThat(browser.get(Deployments.SERVER + "/").body()).contains(Deployments.SERVER + "/webhooks/wix", "AppRemoved");
    }

    private void logIn() {
        HttpResponse<String> loggedIn = browser.send(form("/admin/login",
                "key=" + URLEncoder.encode(Deployments.API_KEY, StandardCharsets.UTF_8)));
        assertThat(loggedIn.statusCode()).isEqualTo(303);
        assertThat(loggedIn.headers().allValues("Set-Cookie")).anySatisfy(
                cookie -> assertThat(cookie).startsWith("wix_bridge_admin=").containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Strict").contains("Path=/admin"));
    }

    private static String csrf(String html) {
        Matcher matcher = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(URI.create(Deployments.SERVER + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
