package dev.wixbridge.installation.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** An installation's history, against which Wix's late events are judged. */
class InstallationTest {

    private static final Instant INSTALLED = Instant.parse("2026-12-01T10:00:00.700Z");
    private static final SealedTokens TOKENS = new SealedTokens("k1", "sealed-refresh", "sealed-access");

    @Test
    void an_event_before_the_latest_install_is_older_and_one_in_the_same_second_is_not() {
        Installation installation = Installation.install("site", TOKENS, INSTALLED.plusSeconds(300), INSTALLED);

        assertThat(installation.installedSince(Instant.parse("2026-12-01T09:59:59Z"))).isTrue();
        assertThat(installation.installedSince(Instant.parse("2026-12-01T10:00:00Z"))).as("a JWT's iat has whole seconds").isFalse();
        assertThat(installation.installedSince(INSTALLED.plusSeconds(5))).isFalse();
    }

    @Test
    void an_uninstall_erases_the_tokens_and_remembers_when_and_a_reinstall_forgets_that() {
        Installation installation = Installation.install("site", TOKENS, INSTALLED.plusSeconds(300), INSTALLED);
        Instant removed = INSTALLED.plusSeconds(3600);

        installation.uninstall(removed, removed.plusSeconds(2));

        assertThat(installation.status()).isEqualTo(InstallationStatus.UNINSTALLED);
        assertThat(installation.sealedTokens()).isEmpty();
        assertThat(installation.uninstalledSince(removed.minusSeconds(1))).isTrue();
        installation.reactivate(removed.plusSeconds(60), removed.plusSeconds(60));
        assertThat(installation.status()).isEqualTo(InstallationStatus.ACTIVE);
        assertThat(installation.uninstalledSince(removed.minusSeconds(1))).isFalse();
    }

    @Test
    void a_refresh_under_way_is_known_by_its_marker_in_whole_milliseconds_and_a_reinstall_drops_it() {
        Installation installation = Installation.install("site", TOKENS, INSTALLED.plusSeconds(300), INSTALLED);
        java.time.Instant withNanos = INSTALLED.plusNanos(123_456_789);

        java.time.Instant marker = installation.refreshStarted(withNanos);

        assertThat(marker).isEqualTo(INSTALLED.plusMillis(123));
        assertThat(installation.awaitsRefresh(marker)).isTrue();
        assertThat(installation.refreshStartedAt()).hasValue(marker);
        installation.reinstall(TOKENS, INSTALLED.plusSeconds(600), INSTALLED.plusSeconds(1));
        assertThat(installation.awaitsRefresh(marker)).as("the late answer belongs to the old grant").isFalse();
    }

    @Test
    void a_site_wix_announces_is_active_without_a_token() {
        Installation announced = Installation.announced("site", INSTALLED, INSTALLED);

        assertThat(announced.status()).isEqualTo(InstallationStatus.ACTIVE);
        assertThat(announced.sealedTokens()).isEmpty();
    }

    @Test
    void a_refresh_makes_a_site_waiting_for_reauthorization_active_again() {
        Installation installation = Installation.install("site", TOKENS, INSTALLED.plusSeconds(300), INSTALLED);
        installation.requireReauthorization("REFRESH_REJECTED (HTTP 400)", INSTALLED.plusSeconds(10));

        installation.refreshed(new SealedTokens("k1", null, "new-access"), INSTALLED.plusSeconds(900), INSTALLED.plusSeconds(20));

        assertThat(installation.status()).isEqualTo(InstallationStatus.ACTIVE);
        assertThat(installation.lastFailure()).isNull();
        assertThat(installation.sealedTokens()).hasValueSatisfying(sealed -> assertThat(sealed.refreshToken()).isNull());
    }
}
