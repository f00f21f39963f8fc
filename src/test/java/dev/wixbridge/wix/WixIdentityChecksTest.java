package dev.wixbridge.wix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import dev.wixbridge.identity.control.IdentityCheck;
import dev.wixbridge.platform.security.SecureTokens;
import dev.wixbridge.testing.MapConfig;
import dev.wixbridge.testing.SettableClock;

/** A signed {@code instance}, checked as Wix documents: HMAC-SHA256 of the data part under the app secret, and fresh. */
class WixIdentityChecksTest {

    private static final String SECRET = "the-app-secret";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private final WixIdentityChecks checks = new WixIdentityChecks();

    WixIdentityChecksTest() {
        checks.settings = new WixSettings();
        checks.settings.config = MapConfig.of(WixSettings.APP_ID, "app", WixSettings.APP_SECRET, SECRET);
        checks.clock = new SettableClock(NOW);
    }

    private static String signed(String json, String secret) {
        String data = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(SecureTokens.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), data));
        return signature + "." + data;
    }

    private static String data(Instant signDate) {
        return "{\"instanceId\":\"8a4f2a3e-1c2b-4d5e-9f00-123456789abc\",\"signDate\":\"" + signDate
                + "\",\"uid\":\"u-1\",\"permissions\":\"OWNER\",\"vendorProductId\":\"gold\"}";
    }

    @Test
    void a_fresh_instance_signed_with_our_secret_gives_all_its_data() {
        IdentityCheck check = checks.instance(signed(data(NOW.minusSeconds(60)), SECRET), DAY);

        assertThat(check).isInstanceOf(IdentityCheck.Verified.class);
        var identity = ((IdentityCheck.Verified) check).identity();
        assertThat(identity.getString("instanceId")).isEqualTo("8a4f2a3e-1c2b-4d5e-9f00-123456789abc");
        assertThat(identity.getString("permissions")).isEqualTo("OWNER");
        assertThat(identity.getString("vendorProductId")).as("whatever else Wix put there").isEqualTo("gold");
    }

    @Test
    void another_secret_or_altered_data_is_invalid() {
        assertThat(checks.instance(signed(data(NOW), "another-secret"), DAY)).isInstanceOf(IdentityCheck.Invalid.class);
        String genuine = signed(data(NOW), SECRET);
        String altered = genuine.substring(0, genuine.indexOf('.') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(data(NOW).replace("OWNER", "ADMIN").getBytes(StandardCharsets.UTF_8));
        assertThat(checks.instance(altered, DAY)).isInstanceOf(IdentityCheck.Invalid.class);
    }

    @Test
    void a_stale_missing_or_future_sign_date_is_invalid() {
        assertThat(checks.instance(signed(data(NOW.minus(DAY).minusSeconds(1)), SECRET), DAY)).isInstanceOf(IdentityCheck.Invalid.class);
        assertThat(checks.instance(signed("{\"instanceId\":\"x\"}", SECRET), DAY)).isInstanceOf(IdentityCheck.Invalid.class);
        assertThat(checks.instance(signed(data(NOW.plusSeconds(3600)), SECRET), DAY)).isInstanceOf(IdentityCheck.Invalid.class);
    }

    @Test
    void what_is_not_signature_dot_data_is_malformed() {
        assertThat(checks.instance("no-dot", DAY)).isInstanceOf(IdentityCheck.Malformed.class);
        assertThat(checks.instance("a.b.c", DAY)).isInstanceOf(IdentityCheck.Malformed.class);
        assertThat(checks.instance("sig.not base64!", DAY)).isInstanceOf(IdentityCheck.Malformed.class);
        assertThat(checks.instance("sig." + Base64.getUrlEncoder().encodeToString("not json".getBytes()), DAY))
                .isInstanceOf(IdentityCheck.Malformed.class);
    }
}
