package dev.wixbridge.sandbox;

import static dev.wixbridge.testing.InstallPageAssertions.assertInstallHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.Browser;
import dev.wixbridge.testing.DatabaseRows;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.ServerLog;
import dev.wixbridge.testing.TestDatabase;

/**
 * The README's run command with no Wix settings: the sandbox plays Wix, and a newcomer installs
 * a demo site through the real flow by clicking, as a browser would. The deployment also names a
 * PostgreSQL database and token keys, as a real one would: the sandbox leaves both alone.
 */
class SandboxIT extends AgainstFakeWix {

    private static final TestDatabase REAL_DATA = TestDatabase.freshPostgresql();

    private final Browser browser = new Browser();

    /** The README's run command: no Wix settings and no API key configured either; a real database configured. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        java.util.Map<String, String> settings = Deployments.sandboxSettings();
        settings.remove("api.keys");
        settings.remove("db.datasource");
        settings.put("db.url", REAL_DATA.url());
        settings.put("db.user", REAL_DATA.user());
        return Deployments.war(settings);
    }

    @Test
    void a_newcomer_installs_a_demo_site_and_gets_a_token() {
        HttpResponse<String> home = browser.get(Deployments.SERVER + "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Sandbox mode", "Install a demo site");

        HttpResponse<String> toAppUrl = browser.send(post("/sandbox/sites", ""));
        assertThat(toAppUrl.statusCode()).isEqualTo(303);
        HttpResponse<String> toConsent = browser.follow(toAppUrl);
        assertThat(toConsent.statusCode()).isEqualTo(302);
        assertThat(toConsent.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith(Deployments.SERVER + "/sandbox/installer/install?"));

        HttpResponse<String> consent = browser.follow(toConsent);
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.body()).contains("Sandbox.", "Approve");
        assertInstallHeaders(consent);

        HttpResponse<String> toCallback = browser.send(post("/sandbox/installer/approve",
                "token=" + field(consent.body(), "token") + "&state=" + field(consent.body(), "state")));
        assertThat(toCallback.statusCode()).isEqualTo(303);
        HttpResponse<String> toDone = browser.follow(toCallback);
        assertThat(toDone.statusCode()).as(toDone.body()).isEqualTo(302);
        HttpResponse<String> done = browser.follow(toDone);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("installed", "Get an access token");

        String instanceId = matching(done.body(), "/sandbox/sites/([0-9a-f-]{36})/access-token");
        assertThat(ApiClient.json(ApiClient.withKey(sandboxKey(home)).get("/api/installations/" + instanceId)).getString("status"))
                .isEqualTo("ACTIVE");
        HttpResponse<String> token = browser.send(post("/sandbox/sites/" + instanceId + "/access-token", ""));
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.body()).contains("A valid access token");

        // The README's proxy line against the sandbox, with the key the home page shows: Wix's App Management API, no token in hand.
        HttpResponse<String> proxied = ApiClient.withKey(sandboxKey(home))
                .get("/api/installations/" + instanceId + "/wix/apps/v1/instance");
        assertThat(proxied.statusCode()).as(proxied.body()).isEqualTo(200);
        assertThat(ApiClient.json(proxied).getJsonObject("instance").getString("instanceId"))
                .isEqualTo(instanceId);
    }

    @Test
    void the_home_page_shows_an_api_key_that_opens_the_admin_page_and_the_api() {
        HttpResponse<String> home = browser.get(Deployments.SERVER + "/");
        String key = sandboxKey(home);
        assertThat(key).startsWith("sandbox-").hasSizeGreaterThanOrEqualTo(32);
        assertThat(home.body()).contains("curl -H \"Authorization: Bearer $API_KEY\" " + Deployments.SERVER + "/api/installations");

        HttpResponse<String> loggedIn = browser.send(post("/admin/login", "key=" + key));
        assertThat(loggedIn.statusCode()).isEqualTo(303);
        HttpResponse<String> admin = browser.get(Deployments.SERVER + "/admin");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("<table");
        assertThat(ApiClient.withKey(key).get("/api/installations").statusCode()).isEqualTo(200);
        assertThat(ApiClient.withKey(key + "x").get("/api/installations").statusCode()).isEqualTo(401);
        // said once in the log, for a newcomer who looks there first
        assertThat(ServerLog.text().split(java.util.regex.Pattern.quote(key), -1)).hasSize(2);
    }

    @Test
    void the_sandbox_keeps_its_data_in_memory_and_leaves_the_configured_database_alone() {
        HttpResponse<String> home = browser.get(Deployments.SERVER + "/");
        assertThat(browser.send(post("/sandbox/sites", "")).statusCode()).isEqualTo(303);
        assertThat(ApiClient.withKey(sandboxKey(home)).get("/api/installations").statusCode()).isEqualTo(200);

        assertThat(new DatabaseRows(REAL_DATA.url(), REAL_DATA.user())
                .count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()"))
                .as("tables in the configured database").isZero();
        assertThat(ServerLog.text()).contains("Sandbox mode: db.url, wix.token-keys ignored");
    }

    @Test
    void the_sandbox_answers_only_its_own_machine() throws Exception {
        Optional<InetAddress> outside = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(face -> isUp(face))
                .flatMap(face -> Collections.list(face.getInetAddresses()).stream())
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
        assumeTrue(outside.isPresent(), "this machine has an address other than loopback");
        String key = sandboxKey(browser.get(Deployments.SERVER + "/"));
        for (String path : List.of("/", "/sandbox/sites", "/api/installations", "/admin")) {
            // with the sandbox's key: the API's own lock would refuse a caller without one anyway
            HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(URI.create(
                    "http://" + outside.get().getHostAddress() + ":" + Deployments.HTTP_PORT + path))
                    .header("Authorization", "Bearer " + key).GET().build());
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).contains("This sandbox answers only its own machine").doesNotContain("sandbox-");
        }
        assertThat(browser.get(Deployments.SERVER + "/").statusCode()).as("from loopback").isEqualTo(200);
    }

    private static boolean isUp(NetworkInterface face) {
        try {
            return face.isUp() && !face.isLoopback();
        } catch (java.net.SocketException e) {
            return false;
        }
    }

    static String sandboxKey(HttpResponse<String> home) {
        return matching(home.body(), "<code id=\"sandbox-api-key\">([^<]+)</code>");
    }

    @Test
    void the_sandbox_refuses_a_forged_install_request() {
        HttpResponse<String> page = browser.get(Deployments.SERVER + "/sandbox/installer/install?token=nope&appId=x&redirectUrl=y&state=z");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Sandbox");
    }

    private static HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(URI.create(Deployments.SERVER + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static String field(String html, String name) {
        return matching(html, "name=\"" + name + "\" value=\"([^\"]+)\"");
    }

    private static String matching(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex + " in " + text).isTrue();
        return matcher.group(1);
    }
}
