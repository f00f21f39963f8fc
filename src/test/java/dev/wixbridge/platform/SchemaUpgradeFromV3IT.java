package dev.wixbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.json.JsonValue;

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
 * The previous release (schema V3, before the site names of V4) with a site whose token is stale
 * and whose refresh marker a server killed long ago left behind, then this WAR on that database:
 * Flyway adds the column, the site still refreshes (the dead marker is taken over) and lists with
 * no name, and a site installed after the upgrade gets the name Wix gives it.
 */
class SchemaUpgradeFromV3IT extends AgainstFakeWix {

    private static final TestDatabase OLD = TestDatabase.fresh("upgrade-v3-db");
    private static final String ACTIVE = UUID.randomUUID().toString();
    private static final OffsetDateTime INSTALLED = OffsetDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneOffset.UTC);

    private final ApiClient api = ApiClient.withKey(Deployments.API_KEY);
    private final DatabaseRows old = new DatabaseRows(OLD.url(), OLD.user());

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        Flyway.configure().dataSource(OLD.url(), OLD.user(), "").locations("classpath:db/migration").target("3").load().migrate();
        try (Connection connection = DriverManager.getConnection(OLD.url(), OLD.user(), "");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO installation (instance_id, status, token_key_id,"
                     + " refresh_token_sealed, access_token_sealed, access_token_expires_at, installed_at, updated_at,"
                     + " last_installed_at, refresh_started_at, version) VALUES (?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            insert.setString(1, ACTIVE);
            insert.setString(2, SealedTokens.FIRST_KEY_ID);
            insert.setString(3, SealedTokens.seal(ACTIVE, "refresh", FakeWix.shared().refreshTokenForNewSite(ACTIVE)));
            insert.setString(4, SealedTokens.seal(ACTIVE, "access", "expired-token"));
            insert.setObject(5, INSTALLED);
            insert.setObject(6, INSTALLED);
            insert.setObject(7, INSTALLED);
            insert.setObject(8, INSTALLED);
            insert.setObject(9, OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));
            insert.executeUpdate();
        }
        return Deployments.warOn(OLD);
    }

    @Test
    void a_site_of_the_previous_release_refreshes_and_lists_without_a_name_a_new_one_is_named() {
        HttpResponse<String> token = api.post("/api/installations/" + ACTIVE + "/access-token");

        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(old.count("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '4' AND \"success\" = TRUE"))
                .isEqualTo(1);
        assertThat(old.count("SELECT COUNT(*) FROM installation WHERE instance_id = ? AND refresh_started_at IS NULL"
                + " AND last_refreshed_at IS NOT NULL", ACTIVE)).isEqualTo(1);
        assertThat(ApiClient.json(api.get("/api/installations/" + ACTIVE)).get("siteName")).isEqualTo(JsonValue.NULL);

        FakeWix.Site site = installed();
        assertThat(old.installation(site.instanceId())).hasValueSatisfying(row -> assertThat(row.get("site_name")).isEqualTo(site.name()));
    }
}
