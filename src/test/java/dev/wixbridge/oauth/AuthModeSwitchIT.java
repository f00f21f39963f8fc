package dev.wixbridge.oauth;

import static dev.wixbridge.testing.InstallPageAssertions.assertPage;
import static dev.wixbridge.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.Browser;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.OwnerJourney;
import dev.wixbridge.testing.SealedTokens;
import dev.wixbridge.testing.WebhookSigner;

/**
 * A deployment migrating from custom authentication to client credentials and back, one
 * restart each way, on the same database: nothing is lost either way.
 */
class AuthModeSwitchIT extends AgainstFakeWix {

    private static final String CUSTOM = "custom";
    private static final String OAUTH = "oauth";
    private static final String CUSTOM_AGAIN = "custom-again";
    private static final String UNKNOWN_MODE = "unknown-mode";

    private final ApiClient api = ApiClient.withKey(Deployments.API_KEY);

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = CUSTOM, managed = false, testable = false)
    static WebArchive custom() {
        return Deployments.war(Deployments.fakeWixSettings(), CUSTOM);
    }

    @Deployment(name = OAUTH, managed = false, testable = false)
    static WebArchive oauth() {
        return Deployments.war(Deployments.oauthSettings(), OAUTH);
    }

    @Deployment(name = CUSTOM_AGAIN, managed = false, testable = false)
    static WebArchive customAgain() {
        return Deployments.war(Deployments.fakeWixSettings(), CUSTOM_AGAIN);
    }

    @Deployment(name = UNKNOWN_MODE, managed = false, testable = false)
    static WebArchive unknownMode() {
        Map<String, String> settings = Deployments.fakeWixSettings();
        settings.put("wix.auth-mode", "oauth2");
        settings.put("wix.webhook-public-key", "-----BEGIN PUBLIC KEY-----not a key-----END PUBLIC KEY-----");
        return Deployments.war(settings, UNKNOWN_MODE);
    }

    @Test
    void installs_of_custom_authentication_get_tokens_by_client_credentials_and_back_again() {
        wix.rotateRefreshTokens();
        deployer.deploy(CUSTOM);
        FakeWix.Site rotated = installed();
        FakeWix.Site waiting = installed();
        FakeWix.Site gone = installed();
        String keptRefreshToken;
        try {
            expire(rotated);
            assertThat(api.post(tokenPath(rotated)).statusCode()).as("a refresh that rotates").isEqualTo(200);
            wix.revokeRefreshTokens(waiting);
            expire(waiting);
            assertProblem(api.post(tokenPath(waiting)), 409, "/problems/reauthorization-required");
            assertThat(api.delete("/api/installations/" + gone.instanceId()).statusCode()).isEqualTo(204);
            assertProblem(api.put("/api/installations/" + rotated.instanceId()), 409, "/problems/wrong-auth-mode");
            assertProblem(api.delete("/api/refresh-tokens"), 409, "/problems/wrong-auth-mode");
            // Read while a server runs: with H2 the server holds the database file.
            keptRefreshToken = SealedTokens.open(rows.installation(rotated.instanceId()).orElseThrow(), "refresh");
            assertThat(WebhookSigner.deliver(WebhookSigner.webhook(WebhookSigner.Event.of("wix.test.v1.kept", rotated.instanceId(),
                    "{}"))).statusCode()).isEqualTo(200);
            rows.update("UPDATE wix_event SET received_at = ? WHERE event_type = 'wix.test.v1.kept' AND instance_id = ?",
                    java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(8), rotated.instanceId());
        } finally {
            deployer.undeploy(CUSTOM);
        }
        long customCalls = wix.customAuthCallsFor(rotated);

        deployer.deploy(OAUTH);
        try {
            expire(rotated);
            for (FakeWix.Site site : new FakeWix.Site[] {rotated, waiting}) {
                HttpResponse<String> token = api.post(tokenPath(site));
                assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
                assertThat(wix.isValidAccessToken(ApiClient.json(token).getString("accessToken"), site)).isTrue();
                assertThat(api.post(tokenPath(site)).statusCode()).isEqualTo(200);
                assertThat(wix.clientCredentialCallsFor(site)).as("one call by client credentials").isEqualTo(1);
            }
            assertThat(wix.customAuthCallsFor(rotated)).as("no refresh after the switch").isEqualTo(customCalls);
            assertThat(rows.installation(waiting.instanceId()).orElseThrow().get("status"))
                    .as("a site waiting for its owner works again without them").isEqualTo("ACTIVE");
            assertProblem(api.post(tokenPath(gone)), 409, "/problems/uninstalled");
            assertThat(rows.count("SELECT COUNT(*) FROM wix_event WHERE instance_id = ? AND event_type = 'wix.test.v1.kept'",
                    rotated.instanceId())).as("an event past its 7 days, purged at start").isZero();
            assertThat(SealedTokens.open(rows.installation(rotated.instanceId()).orElseThrow(), "refresh"))
                    .as("the refresh token stays sealed, unused").isEqualTo(keptRefreshToken);
        } finally {
            deployer.undeploy(OAUTH);
        }

        deployer.deploy(CUSTOM_AGAIN);
        try {
            expire(rotated);
            HttpResponse<String> refreshed = api.post(tokenPath(rotated));
            assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
            assertThat(wix.customAuthCallsFor(rotated)).as("refreshed from the kept refresh token").isEqualTo(customCalls + 1);
            assertThat(wix.refusedRefreshesFor(rotated)).isZero();
        } finally {
            deployer.undeploy(CUSTOM_AGAIN);
        }
    }

    @Test
    void an_unknown_auth_mode_keeps_the_service_closed_and_says_which_key() {
        deployer.deploy(UNKNOWN_MODE);
        try {
            FakeWix.Site site = wix.newSite();
            assertProblem(api.post(tokenPath(site)), 503, "/problems/configuration-incomplete");
            assertPage(new Browser().get(OwnerJourney.APP_URL + "?token=" + site.installToken()), 503, "not ready");
            HttpResponse<String> ready = api.getUrl(Deployments.HEALTH + "/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("wix.auth-mode must be 'custom' or 'oauth'", "wix.webhook-public-key is not an RSA public key")
                    .doesNotContain("oauth2", "not a key");
            assertProblem(WebhookSigner.deliver(WebhookSigner.webhook(WebhookSigner.Event.of("AppRemoved", site.instanceId(), "{}"))),
                    503, "/problems/webhooks-not-configured");
        } finally {
            deployer.undeploy(UNKNOWN_MODE);
        }
    }
}
