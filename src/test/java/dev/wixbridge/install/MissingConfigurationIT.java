package dev.wixbridge.install;

import static dev.wixbridge.testing.InstallPageAssertions.assertPage;
import static dev.wixbridge.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.Browser;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.OwnerJourney;
import dev.wixbridge.testing.ServerLog;

/** Required settings missing: the service still starts, tells the admin which keys, and install URLs answer 503. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MissingConfigurationIT {

    private static final java.io.File DATA_DIR = new java.io.File(System.getProperty("it.work", "target/it"), "generated-data");

    private final Browser browser = new Browser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> settings = Deployments.fakeWixSettings();
        settings.remove("wix.app-id");
        settings.remove("wix.redirect-url");
        settings.remove("api.keys");
        settings.remove("wix.token-keys");
        settings.remove("wix.webhook-public-key");
        settings.put("data.dir", DATA_DIR.getAbsolutePath());
        settings.put("wix.after-install", "somewhere nice");
        return Deployments.war(settings);
    }

    @Test
    void install_urls_answer_a_plain_503_page() {
        assertPage(browser.get(OwnerJourney.APP_URL + "?token=t"), 503, "not ready");
        assertPage(browser.get(Deployments.REDIRECT_URL + "?code=c&state=s&instanceId=" + java.util.UUID.randomUUID()),
                503, "not ready");
    }

    @Test
    void without_a_public_key_webhooks_answer_503_and_the_log_names_the_key() {
        assertProblem(dev.wixbridge.testing.WebhookSigner.deliver("any.body.at-all"), 503, "/problems/webhooks-not-configured");
        assertThat(ServerLog.text()).contains("wix.webhook-public-key is not set (environment variable WIX_WEBHOOK_PUBLIC_KEY)");
    }

    @Test
    void without_token_keys_a_key_is_generated_for_the_owner_only_and_a_warning_logged() throws Exception {
        java.nio.file.Path folder = DATA_DIR.toPath().resolve("keys");
        java.nio.file.Path file = folder.resolve("token-keys");

        assertThat(file).exists();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(folder)))
                .as("apart from the database files, the owner's only").isEqualTo("rwx------");
        assertThat(java.nio.file.Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(java.nio.file.Files.readString(file)).matches("local-[0-9-]+:[A-Za-z0-9+/=]{44}\\s*");
        assertThat(ServerLog.text()).contains("wix.token-keys is not set").contains("Production must configure wix.token-keys");
    }

    @Test
    void without_api_keys_the_api_refuses_every_call() {
        assertProblem(ApiClient.withKey(Deployments.API_KEY).get("/api/installations"), 401, "/problems/unauthorized");
        assertProblem(ApiClient.withKey("").get("/api/installations"), 401, "/problems/unauthorized");
        assertThat(ServerLog.text()).contains("api.keys is not set (environment variable API_KEYS)");
    }

    @Test
    void readiness_reports_the_missing_keys_and_liveness_stays_up() {
        java.net.http.HttpResponse<String> ready = browser.get(Deployments.HEALTH + "/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("configuration").contains("wix.app-id is not set").doesNotContain(FakeWix.APP_SECRET);
        assertThat(browser.get(Deployments.HEALTH + "/live").statusCode()).isEqualTo(200);
        assertThat(browser.get(Deployments.HEALTH + "/started").body()).contains("schema-migrated");
    }

    @Test
    void start_up_log_names_each_missing_key_and_never_a_value() {
        String log = ServerLog.text();
        assertThat(log).contains("wix.app-id is not set (environment variable WIX_APP_ID)")
                .contains("wix.redirect-url is not set (environment variable WIX_REDIRECT_URL)")
                .contains("wix.after-install must be 'close-window' or an absolute http(s) URL");
        ServerLog.assertHoldsNone(Set.of(FakeWix.APP_SECRET));
    }
}
