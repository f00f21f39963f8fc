package dev.wixbridge.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.Asadmin;
import dev.wixbridge.testing.Browser;
import dev.wixbridge.testing.DatabaseRows;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.OwnerJourney;
import dev.wixbridge.testing.SealedTokens;
import dev.wixbridge.testing.ServerLog;

/**
 * Payara Server set up the way {@code server-config/README.md} tells an admin to: the secrets
 * as password aliases, then {@code server-config/payara-server/setup.asadmin} with its example
 * values replaced (driver, database, app id, Redirect URL, WAR) and nothing else changed. The
 * WAR it deploys must then serve an owner's install and the API from those settings alone.
 * Afterwards the class takes the deployment and its settings away again, so the it-payara-server
 * run deploys its own WARs (with their own settings) on the same domain and datasource.
 */
class PayaraServerSetupIT {

    /** The MicroProfile Config keys the script and this class set in the domain, removed at the end. */
    private static final List<String> DOMAIN_SETTINGS = List.of("db.datasource", "wix.app-id", "wix.redirect-url",
            "wix.installer-url", "wix.api-url");
    private static final List<String> SECRET_ALIASES = List.of("wix.app-secret", "wix.token-keys", "api.keys");
    private static final String DATABASE_PASSWORD = "db-password-" + java.util.UUID.randomUUID();

    private static final Asadmin ASADMIN = Asadmin.ofTestDomain();
    private static final FakeWix WIX = FakeWix.shared();
    private static final DatabaseRows ROWS = Deployments.database();

    @BeforeAll
    static void setUpAsAnAdminWould() throws IOException, InterruptedException {
        startNewDomain();
        WIX.reset(Deployments.REDIRECT_URL);
        // PostgreSQL here trusts local connections, but the pool reads its password from an alias all the same
        ASADMIN.createPasswordAlias("wix-bridge-db-password", DATABASE_PASSWORD);
        ASADMIN.createPasswordAlias("wix.app-secret", FakeWix.APP_SECRET);
        ASADMIN.createPasswordAlias("wix.token-keys", SealedTokens.FIRST_KEY_ID + ":" + SealedTokens.FIRST_KEY);
        ASADMIN.createPasswordAlias("api.keys", Deployments.API_KEY);

        Path script = Files.createTempFile("setup", ".asadmin");
        Files.writeString(script, scriptWithThisMachinesValues());
        try {
            ASADMIN.run("multimode", "--file", script.toString());
        } finally {
            Files.delete(script);
        }
        // as the script's last comment says: the HTTP pool's new size applies from the next start
        ASADMIN.run("restart-domain", System.getProperty("it.payara-server.domain"));
        awaitReady();
    }

    /** The restarted domain deploys the WAR while it starts; readiness says when it serves. */
    private static void awaitReady() {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Deployments.HEALTH + "/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the port is not open yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(500).toNanos());
        }
        throw new IllegalStateException("the restarted Payara Server domain is not ready after 120 s");
    }

    /**
     * A new domain, started: what the admin has before this product. Started here rather than
     * before all integration tests, so it takes no memory or CPU while the other runs go.
     */
    private static void startNewDomain() throws IOException, InterruptedException {
        Path log = Path.of(System.getProperty("it.payara-server.home")).resolveSibling("payara-server-start.log");
        ProcessBuilder start = new ProcessBuilder("bash", System.getProperty("it.payara-server.start-script"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        start.environment().put("PAYARA_HOME", System.getProperty("it.payara-server.home"));
        start.environment().put("DOMAIN", System.getProperty("it.payara-server.domain"));
        start.environment().put("PORT_BASE", System.getProperty("it.payara-server.port-base"));
        Process process = start.start();
        assertThat(process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) && process.exitValue() == 0)
                .as("start-domain.sh, see " + log).isTrue();
    }

    /**
     * The script as committed, with the example values an admin replaces. A value that is no longer
     * in the script fails here: the script and its documentation changed, so must this test.
     */
    private static String scriptWithThisMachinesValues() throws IOException {
        String script = Files.readString(Path.of(System.getProperty("it.payara-server.setup")));
        URI database = URI.create(System.getProperty("it.postgresql.url").substring("jdbc:".length()));
        String schema = System.getProperty("it.postgresql.schema");
        script = replaceOnce(script, "/path/to/postgresql-42.7.14.jar", System.getProperty("it.payara-server.postgresql-jar"));
        script = replaceOnce(script, "serverName=db.example.internal:portNumber=5432:databaseName=wixbridge:user=wixbridge",
                "serverName=" + database.getHost() + ":portNumber=" + database.getPort() + ":databaseName="
                        + database.getPath().substring(1) + ":user=" + System.getProperty("it.postgresql.user") + ":currentSchema=" + schema);
        script = replaceOnce(script, "YOUR-APP-ID", FakeWix.APP_ID);
        script = replaceOnce(script, "https://wix.example.com/oauth/callback", Deployments.REDIRECT_URL);
        // Wix's own URLs are the product's defaults; here they are the fake Wix's, set before the deployment
        script = replaceOnce(script, "deploy --contextroot / --name wix-bridge /path/to/wix-bridge.war",
                "set-config-property --source=domain --propertyName=wix.installer-url --propertyValue=" + FakeWix.baseUrl() + "/installer\n"
                        + "set-config-property --source=domain --propertyName=wix.api-url --propertyValue=" + FakeWix.baseUrl() + "\n"
                        + "deploy --contextroot / --name wix-bridge " + System.getProperty("it.war"));
        return script;
    }

    private static String replaceOnce(String text, String example, String value) {
        assertThat(text.split(java.util.regex.Pattern.quote(example), -1)).as("'" + example + "' in setup.asadmin").hasSize(2);
        return text.replace(example, value);
    }

    @AfterAll
    static void logHoldsNoSecretAndTheDomainIsLeftBare() {
        try {
            Set<String> secrets = new HashSet<>(WIX.secrets());
            secrets.addAll(Set.of(FakeWix.APP_SECRET, SealedTokens.FIRST_KEY, Deployments.API_KEY, DATABASE_PASSWORD));
            ServerLog.assertHoldsNone(secrets);
        } finally {
            ASADMIN.run("undeploy", "wix-bridge");
            for (String key : DOMAIN_SETTINGS) {
                ASADMIN.run("delete-config-property", "--source=domain", "--propertyName=" + key);
            }
            for (String alias : SECRET_ALIASES) {
                ASADMIN.run("delete-password-alias", alias);
            }
        }
    }

    @Test
    void the_war_is_served_at_the_root_and_ready_with_its_database() throws Exception {
        HttpResponse<String> ready = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(Deployments.HEALTH + "/ready")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"").contains("\"database\"");
    }

    @Test
    void an_owner_installs_with_the_scripts_settings_and_the_aliased_secrets() {
        FakeWix.Site site = WIX.newSite();

        HttpResponse<String> finished = OwnerJourney.install(new Browser(), site);

        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(302);
        // stored through the script's datasource, in the schema its pool names, sealed with the aliased key
        assertThat(ROWS.installation(site.instanceId())).hasValueSatisfying(row ->
                assertThat(row.get("token_key_id")).isEqualTo(SealedTokens.FIRST_KEY_ID));
        HttpResponse<String> token = ApiClient.withKey(Deployments.API_KEY).post("/api/installations/" + site.instanceId() + "/access-token");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(ApiClient.json(token).getString("accessToken")).isNotBlank();
        assertThat(ApiClient.withKey("not-" + Deployments.API_KEY).get("/api/installations").statusCode()).isEqualTo(401);
    }

    @Test
    void install_pages_may_be_framed_by_wix_and_do_not_name_the_server_software() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(OwnerJourney.APP_URL)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(page.headers().firstValue("X-Powered-By")).isEmpty();
    }

    @Test
    void a_delete_with_a_body_passes_the_listener_to_wix() {
        FakeWix.Site site = WIX.newSite();
        assertThat(OwnerJourney.install(new Browser(), site).statusCode()).isEqualTo(302);
        String body = "{\"reason\":\"setup\"}";

        ApiClient api = ApiClient.withKey(Deployments.API_KEY);
        HttpResponse<String> deleted = api.send(api.request("/api/installations/" + site.instanceId() + "/wix/items/v1/items/7")
                .header("Content-Type", "application/json").method("DELETE", HttpRequest.BodyPublishers.ofString(body)));

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        JsonObject echo = ApiClient.json(deleted);
        assertThat(echo.getString("body")).isEqualTo(body);
    }
}
