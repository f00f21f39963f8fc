package dev.wixbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.DatabaseRows;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.SealedTokens;
import dev.wixbridge.testing.TestDatabase;

/**
 * The previous release (schema V4, before the admin logouts of V5) with a named site, then this
 * WAR on that database: Flyway adds the table, the site keeps its name and its token, and an admin
 * logout is recorded there, so the old login is refused.
 */
class SchemaUpgradeFromV4IT extends AgainstFakeWix {

    private static final TestDatabase OLD = TestDatabase.fresh("upgrade-v4-db");
    private static final String ACTIVE = UUID.randomUUID().toString();
    private static final OffsetDateTime INSTALLED = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    private final ApiClient api = ApiClient.withKey(Deployments.API_KEY);
    private final DatabaseRows old = new DatabaseRows(OLD.url(), OLD.user());

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        Flyway.configure().dataSource(OLD.url(), OLD.user(), "").locations("classpath:db/migration").target("4").load().migrate();
        try (Connection connection = DriverManager.getConnection(OLD.url(), OLD.user(), "");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO installation (instance_id, status, token_key_id,"
                     + " refresh_token_sealed, access_token_sealed, access_token_expires_at, installed_at, updated_at,"
                     + " last_installed_at, site_name, version) VALUES (?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, 'Old Shop', 1)")) {
            insert.setString(1, ACTIVE);
            insert.setString(2, SealedTokens.FIRST_KEY_ID);
            insert.setString(3, SealedTokens.seal(ACTIVE, "refresh", FakeWix.shared().refreshTokenForNewSite(ACTIVE)));
            insert.setString(4, SealedTokens.seal(ACTIVE, "access", "expired-token"));
            insert.setObject(5, INSTALLED);
            insert.setObject(6, INSTALLED);
            insert.setObject(7, INSTALLED);
            insert.setObject(8, INSTALLED);
            insert.executeUpdate();
        }
        return Deployments.warOn(OLD);
    }

    @Test
    void a_site_of_the_previous_release_keeps_its_name_and_token_and_a_logout_is_recorded() throws Exception {
        HttpResponse<String> token = api.post("/api/installations/" + ACTIVE + "/access-token");

        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(old.count("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '5' AND \"success\" = TRUE"))
                .isEqualTo(1);
        assertThat(ApiClient.json(api.get("/api/installations/" + ACTIVE)).getString("siteName")).isEqualTo("Old Shop");

        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> loggedIn = client.send(form("/admin/login", "key=" + Deployments.API_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = loggedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String page = client.send(HttpRequest.newBuilder(URI.create(Deployments.SERVER + "/admin")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as(page).isTrue();
        assertThat(client.send(form("/admin/logout", "csrf=" + csrf.group(1)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(303);

        assertThat(old.count("SELECT COUNT(*) FROM admin_logout")).isEqualTo(1);
        assertThat(client.send(HttpRequest.newBuilder(URI.create(Deployments.SERVER + "/admin")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("API key").doesNotContain("<table");
    }

    private static HttpRequest.Builder form(String path, String body) {
        return HttpRequest.newBuilder(URI.create(Deployments.SERVER + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
