package dev.wixbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

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
 * The release before webhooks (schema V1) with installations in it, then this WAR started on
 * that database: Flyway upgrades it and every site keeps working.
 */
class SchemaUpgradeIT extends AgainstFakeWix {

    private static final TestDatabase OLD = TestDatabase.fresh("upgrade-db");
    private static final String ACTIVE = UUID.randomUUID().toString();
    private static final String GONE = UUID.randomUUID().toString();
    private static final OffsetDateTime INSTALLED = OffsetDateTime.of(2026, 11, 1, 10, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime REMOVED = OffsetDateTime.of(2026, 11, 20, 10, 0, 0, 0, ZoneOffset.UTC);

    private final ApiClient api = ApiClient.withKey(Deployments.API_KEY);
    private final DatabaseRows old = new DatabaseRows(OLD.url(), OLD.user());

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        Flyway.configure().dataSource(OLD.url(), OLD.user(), "").locations("classpath:db/migration").target("1").load().migrate();
        try (Connection connection = DriverManager.getConnection(OLD.url(), OLD.user(), "");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO installation (instance_id, status, token_key_id,"
                     + " refresh_token_sealed, access_token_sealed, access_token_expires_at, installed_at, updated_at, version)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            insert.setString(1, ACTIVE);
            insert.setString(2, "ACTIVE");
            insert.setString(3, SealedTokens.FIRST_KEY_ID);
            insert.setString(4, SealedTokens.seal(ACTIVE, "refresh", FakeWix.shared().refreshTokenForNewSite(ACTIVE)));
            insert.setString(5, SealedTokens.seal(ACTIVE, "access", "expired-token"));
            insert.setObject(6, INSTALLED);
            insert.setObject(7, INSTALLED);
            insert.setObject(8, INSTALLED);
            insert.executeUpdate();
            insert.setString(1, GONE);
            insert.setString(2, "UNINSTALLED");
            insert.setString(3, null);
            insert.setString(4, null);
            insert.setString(5, null);
            insert.setObject(6, null);
            insert.setObject(8, REMOVED);
            insert.executeUpdate();
        }
        return Deployments.warOn(OLD);
    }

    @Test
    void the_sites_of_the_previous_release_keep_working_after_the_upgrade() {
        HttpResponse<String> token = api.post("/api/installations/" + ACTIVE + "/access-token");

        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(old.count("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '2' AND \"success\" = TRUE")).isEqualTo(1);
        Map<String, Object> active = old.installation(ACTIVE).orElseThrow();
        assertThat(active.get("last_installed_at")).as("backfilled from installed_at").isNotNull();
        assertThat(old.count("SELECT COUNT(*) FROM installation WHERE instance_id = ? AND last_installed_at = installed_at", ACTIVE))
                .isEqualTo(1);
        assertThat(old.count("SELECT COUNT(*) FROM installation WHERE instance_id = ? AND uninstalled_at = updated_at", GONE))
                .as("an uninstalled site's removal time").isEqualTo(1);
        assertThat(api.get("/api/installations/" + GONE).statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(api.get("/api/events")).getJsonArray("items")).isEmpty();
    }
}
