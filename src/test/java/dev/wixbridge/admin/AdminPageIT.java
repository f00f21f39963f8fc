package dev.wixbridge.admin;

import static dev.wixbridge.testing.InstallPageAssertions.assertInstallHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.wixbridge.platform.web.Html;
import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.Browser;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.OwnerJourney;
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
        // no other site may frame the admin page (clickjacking of its buttons); Wix frames only the install pages
        for (HttpResponse<String> page : List.of(login, refused)) {
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    policy -> assertThat(policy).contains("frame-ancestors 'none'"));
        }
        assertThat(browser.get(OwnerJourney.APP_URL).headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).doesNotContain("frame-ancestors"));
    }

    @Test
    void a_form_of_10_mb_gets_a_413_page() {
        HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(URI.create(Deployments.SERVER + "/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(("key=" + "k".repeat(10_000_000)).getBytes(StandardCharsets.US_ASCII))).build());

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(refused.body()).contains("Too much sent");
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
    void totals_a_search_by_instance_id_and_readable_times_find_one_site_among_many() {
        FakeWix.Site site = installed();
        FakeWix.Site failing = installed();
        expire(failing);
        wix.failTokenCalls(FakeWix.Failure.status(503), FakeWix.Failure.status(503), FakeWix.Failure.status(503));
        assertThat(ApiClient.withKey(Deployments.API_KEY).post(tokenPath(failing)).statusCode()).isEqualTo(503);
        logIn();

        HttpResponse<String> all = browser.get(ADMIN);
        long active = rows.count("SELECT COUNT(*) FROM installation WHERE status = 'ACTIVE'");
        long total = rows.count("SELECT COUNT(*) FROM installation");
        assertThat(all.body()).contains("ACTIVE</a> <strong>" + String.format(java.util.Locale.ROOT, "%,d", active) + "</strong>",
                "All</a> <strong>" + String.format(java.util.Locale.ROOT, "%,d", total) + "</strong>");

        HttpResponse<String> found = browser.get(ADMIN + "?instance=" + site.instanceId().toUpperCase(java.util.Locale.ROOT));
        assertThat(found.statusCode()).isEqualTo(200);
        String row = only(found.body(), "<tbody>(.*)</tbody>");
        assertThat(row).contains(site.instanceId(), Html.escape(site.name())).doesNotContain(failing.instanceId())
                .containsPattern("<time datetime=\"[0-9T:-]+Z\" title=\"[0-9-]+ [0-9:]+ UTC\">(just now|[0-9]+ s ago)</time>")
                .containsPattern("<time [^>]+>in [45] min</time>");
        assertThat(found.body()).contains("First page");

        String failure = only(browser.get(ADMIN + "?instance=" + failing.instanceId()).body(), "<td class=\"failure\">(.*?)</td>");
        assertThat(failure).startsWith("Wix could not be reached for a new token").doesNotContain("WIX_UNAVAILABLE");

        assertThat(browser.get(ADMIN + "?instance=" + java.util.UUID.randomUUID()).body()).contains("No installation has that instance id.");
        HttpResponse<String> malformed = browser.get(ADMIN + "?instance=%3Cscript%3E");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("&lt;script&gt; is not an instance id").doesNotContain("<script>");
    }

    @Test
    void pages_through_thousands_with_first_and_next() {
        // written as an older release would have left them: no name, no tokens
        for (int i = 0; i < 105; i++) {
            rows.update("INSERT INTO installation (instance_id, status, installed_at, updated_at, version)"
                    + " VALUES (?, 'UNINSTALLED', ?, ?, 0)", String.format("ffffffff-0000-4000-8000-%012d", i),
                    java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
        }
        logIn();

        HttpResponse<String> first = browser.get(ADMIN + "?status=UNINSTALLED");
        assertThat(first.body()).doesNotContain("First page").contains("Next page");
        String next = only(first.body(), "<a href=\"([^\"]+)\" rel=\"next\">").replace("&amp;", "&");
        HttpResponse<String> second = browser.get(Deployments.SERVER + next);

        assertThat(second.body()).contains("First page", "ffffffff-0000-4000-8000-000000000104", "a later page")
                .doesNotContain("ffffffff-0000-4000-8000-000000000000");
    }

    private static String only(String text, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
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
                        .containsIgnoringCase("SameSite=Strict").contains("Path=/admin")
                        .as("an http Redirect URL: no Secure").doesNotContainIgnoringCase("secure"));
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
