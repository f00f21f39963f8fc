package dev.wixbridge.token;

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
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.SealedTokens;

/**
 * What must survive a restart of the server: a rotated refresh token, and tokens sealed
 * under a key that is no longer the first in {@code wix.token-keys}.
 */
class TokenKeyRotationIT extends AgainstFakeWix {

    private static final String OLD_KEYS = "old-keys";
    private static final String NEW_KEYS = "new-keys";

    private final ApiClient api = ApiClient.withKey(Deployments.API_KEY);

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = OLD_KEYS, managed = false, testable = false)
    static WebArchive withTheFirstKey() {
        return Deployments.war(Deployments.fakeWixSettings(), OLD_KEYS);
    }

    @Deployment(name = NEW_KEYS, managed = false, testable = false)
    static WebArchive withASecondKeyFirst() {
        Map<String, String> settings = Deployments.fakeWixSettings();
        settings.put("wix.token-keys", SealedTokens.SECOND_KEY_ID + ":" + SealedTokens.SECOND_KEY + ", "
                + SealedTokens.FIRST_KEY_ID + ":" + SealedTokens.FIRST_KEY);
        return Deployments.war(settings, NEW_KEYS);
    }

    @Test
    void rotated_refresh_tokens_and_old_keys_survive_a_restart_and_resealing_retires_the_old_key() {
        wix.rotateRefreshTokens();
        deployer.deploy(OLD_KEYS);
        FakeWix.Site rotated = installed();
        FakeWix.Site untouched = installed();
        expire(rotated);
        assertThat(api.post(tokenPath(rotated)).statusCode()).isEqualTo(200);
        String rotatedToken = wix.refreshTokenOf(rotated);
        deployer.undeploy(OLD_KEYS);

        deployer.deploy(NEW_KEYS);
        try {
            expire(rotated);
            HttpResponse<String> afterRestart = api.post(tokenPath(rotated));
            assertThat(afterRestart.statusCode()).as(afterRestart.body()).isEqualTo(200);
            assertThat(wix.refusedRefreshesFor(rotated)).as("refreshes with a revoked refresh token").isZero();
            assertThat(wix.refreshesFor(rotated)).isEqualTo(2);
            assertThat(wix.refreshTokenOf(rotated)).isNotEqualTo(rotatedToken);

            Map<String, Object> old = rows.installation(untouched.instanceId()).orElseThrow();
            assertThat(old.get("token_key_id")).isEqualTo(SealedTokens.FIRST_KEY_ID);
            assertThat(api.post(tokenPath(untouched)).statusCode()).as("a row sealed under the old key").isEqualTo(200);

            HttpResponse<String> resealed = api.post("/api/token-keys/reseal");
            assertThat(resealed.statusCode()).as(resealed.body()).isEqualTo(200);
            assertThat(ApiClient.json(resealed).getString("keyId")).isEqualTo(SealedTokens.SECOND_KEY_ID);
            assertThat(ApiClient.json(resealed).getInt("resealed")).isPositive();
            assertThat(rows.count("SELECT COUNT(*) FROM installation WHERE token_key_id = ?", SealedTokens.FIRST_KEY_ID))
                    .as("rows still sealed under the old key").isZero();
            Map<String, Object> now = rows.installation(untouched.instanceId()).orElseThrow();
            assertThat(SealedTokens.open(now, "refresh")).isEqualTo(SealedTokens.open(old, "refresh"));
            assertThat(SealedTokens.open(now, "access")).isEqualTo(SealedTokens.open(old, "access"));
        } finally {
            deployer.undeploy(NEW_KEYS);
        }
    }
}
