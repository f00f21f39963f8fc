package dev.wixbridge.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.ServerProcess;

/**
 * Admin logins on two Payara Micro servers sharing one PostgreSQL database, behind a proxy that
 * ends TLS (the configured Redirect URL is https, the requests here are http): the cookie is
 * {@code Secure} all the same; a logout on one server ends the login on both; failed logins are
 * throttled; and a login opened with a key ends once that key leaves {@code api.keys}.
 * Cookies are handled by hand: a client would not send a {@code Secure} cookie over http.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the throttle on b, then a restart of a
class AdminSessionsIT {

    private static final int PORT_A = 18086;
    private static final int PORT_B = 18087;
    private static final String KEY = "admin-it-key-" + UUID.randomUUID();
    private static final String OTHER_KEY = "admin-it-other-key-" + UUID.randomUUID();

    private static ServerProcess a;
    private static ServerProcess b;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startTwoServers() throws Exception {
        assumeTrue("postgresql".equals(System.getProperty("it.db")), "two servers share a PostgreSQL database");
        ServerProcess[] servers = ServerProcess.startPair("admin", PORT_A, PORT_B, environment(KEY + "," + OTHER_KEY));
        a = servers[0];
        b = servers[1];
    }

    @AfterAll
    static void stopServers() {
        ServerProcess.stopAndScanLogs(a, b);
    }

    private static Map<String, String> environment(String apiKeys) {
        Map<String, String> settings = Deployments.fakeWixSettings();
        settings.put("wix.redirect-url", "https://bridge.example.com/oauth/callback");
        settings.put("api.keys", apiKeys);
        return Deployments.asEnvironment(settings);
    }

    @Test
    @Order(1)
    void the_cookie_is_secure_as_the_public_url_says_and_a_logout_ends_the_login_on_every_server() throws Exception {
        HttpResponse<String> loggedIn = logIn(a, KEY);
        String setCookie = loggedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = csrf(page(b, cookie).body());
        assertThat(page(a, cookie).body()).as("logged in on both").contains("<table>");

        HttpResponse<String> loggedOut = client.send(form(a, "/admin/logout", "csrf=" + csrf).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loggedOut.statusCode()).isEqualTo(303);
        assertThat(loggedOut.headers().firstValue("Set-Cookie").orElseThrow()).containsIgnoringCase("Secure");

        for (ServerProcess server : new ServerProcess[] {a, b}) {
            HttpResponse<String> after = page(server, cookie);
            assertThat(after.body()).as("the old cookie at " + server.url()).contains("API key").doesNotContain("<table>");
        }
        assertThat(page(b, cookieOf(logIn(a, KEY))).body()).as("a new login").contains("<table>");
    }

    @Test
    @Order(2)
    void ten_wrong_keys_a_minute_then_429_even_for_the_right_one_elsewhere_not() throws Exception {
        for (int i = 0; i < LoginThrottle.FAILURES_PER_MINUTE; i++) {
            assertThat(logIn(b, "wrong-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = logIn(b, KEY);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(throttled.body()).contains("Too many wrong keys").doesNotContain(KEY);
        assertThat(throttled.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(logIn(a, KEY).statusCode()).as("the other server counts its own").isEqualTo(303);
    }

    @Test
    @Order(3)
    void a_login_ends_when_its_key_leaves_api_keys() throws Exception {
        String withKey = cookieOf(logIn(a, KEY));
        String withOtherKey = cookieOf(logIn(a, OTHER_KEY));
        assertThat(page(a, withKey).body()).contains("<table>");

        a.close();
        a = ServerProcess.start("admin-a-rotated", PORT_A, environment(OTHER_KEY));

        assertThat(page(a, withKey).body()).as("the removed key's login").contains("API key").doesNotContain("<table>");
        assertThat(page(a, withOtherKey).body()).as("the remaining key's login").contains("<table>");
    }

    private HttpResponse<String> logIn(ServerProcess server, String key) throws Exception {
        return client.send(form(server, "/admin/login", "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String cookieOf(HttpResponse<String> loggedIn) {
        assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(303);
        String setCookie = loggedIn.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private HttpResponse<String> page(ServerProcess server, String cookie) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.url() + "/admin")).header("Cookie", cookie)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder form(ServerProcess server, String path, String body) {
        return HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String csrf(String html) {
        Matcher matcher = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as(html).isTrue();
        return matcher.group(1);
    }
}
