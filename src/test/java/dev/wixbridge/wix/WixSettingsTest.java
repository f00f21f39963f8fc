package dev.wixbridge.wix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.MapConfig;

/** What an admin is told about the Wix settings: keys named, never values. */
class WixSettingsTest {

    private static final String SECRET = "a-secret-nobody-may-see-0123456789";

    private static WixSettings settings(MapConfig config) {
        WixSettings settings = new WixSettings();
        settings.config = config;
        return settings;
    }

    private static MapConfig complete() {
        return MapConfig.of(WixSettings.APP_ID, "app-1", WixSettings.APP_SECRET, SECRET,
                WixSettings.REDIRECT_URL, "https://bridge.example.com/oauth/callback");
    }

    @Test
    void complete_settings_have_no_problems() {
        assertThat(settings(complete()).problems()).isEmpty();
    }

    @Test
    void each_missing_required_key_is_named_with_its_environment_variable() {
        assertThat(settings(MapConfig.of()).problems()).containsExactly(
                "wix.app-id is not set (environment variable WIX_APP_ID)",
                "wix.app-secret is not set (environment variable WIX_APP_SECRET)",
                "wix.redirect-url is not set (environment variable WIX_REDIRECT_URL)");
    }

    @Test
    void a_blank_value_counts_as_missing() {
        assertThat(settings(complete().with(WixSettings.APP_ID, "   ")).problems())
                .containsExactly("wix.app-id is not set (environment variable WIX_APP_ID)");
    }

    @Test
    void urls_must_be_absolute_http_urls() {
        assertThat(settings(complete().with(WixSettings.REDIRECT_URL, "/oauth/callback")
                .with(WixSettings.API_URL, "ftp://wix.example.com")).problems())
                .containsExactly("wix.redirect-url must be an absolute http(s) URL", "wix.api-url must be an absolute http(s) URL");
    }

    @Test
    void after_install_is_close_window_or_an_absolute_url() {
        assertThat(settings(complete().with(WixSettings.AFTER_INSTALL, "close-window")).problems()).isEmpty();
        assertThat(settings(complete().with(WixSettings.AFTER_INSTALL, "https://team.example.com/welcome")).problems()).isEmpty();
        assertThat(settings(complete().with(WixSettings.AFTER_INSTALL, "welcome")).problems())
                .containsExactly("wix.after-install must be 'close-window' or an absolute http(s) URL");
    }

    @Test
    void numbers_must_be_positive_whole_numbers() {
        assertThat(settings(complete().with(WixSettings.READ_TIMEOUT, "0")
                .with(WixSettings.CONNECT_TIMEOUT, "soon")).problems())
                .containsExactlyInAnyOrder("wix.read-timeout-ms must be a positive whole number",
                        "wix.connect-timeout-ms must be a positive whole number");
    }

    @Test
    void a_refresh_may_run_at_least_as_long_as_its_callers_wait() {
        assertThat(settings(complete().with(WixSettings.READ_TIMEOUT, "10000")
                .with(dev.wixbridge.token.control.TokenSettings.REFRESH_COMPLETION, "5000")).problems())
                .singleElement().asString().startsWith("wix.refresh-completion-ms must be at least wix.read-timeout-ms");
        assertThat(settings(complete().with(dev.wixbridge.token.control.TokenSettings.REFRESH_COMPLETION, "0")).problems())
                .singleElement().asString().startsWith("wix.refresh-completion-ms must be a positive whole number");
    }

    @Test
    void the_proxy_settings_are_checked_with_the_others() {
        assertThat(settings(complete().with(dev.wixbridge.proxy.control.ProxySettings.MAX_BODY, "huge")).problems())
                .singleElement().asString().startsWith("wix.proxy.max-body must be");
    }

    @Test
    void the_token_lifetime_must_outlast_the_refresh_skew() {
        assertThat(settings(complete().with(WixSettings.ACCESS_TOKEN_TTL, "60")).problems())
                .containsExactly("wix.access-token-ttl-seconds must be longer than wix.token-refresh-skew-seconds");
    }

    @Test
    void no_problem_ever_quotes_a_value() {
        assertThat(settings(MapConfig.of(WixSettings.APP_SECRET, SECRET, WixSettings.REDIRECT_URL, SECRET)).problems())
                .isNotEmpty().noneMatch(problem -> problem.contains(SECRET));
    }

    @Test
    void defaults_are_wix_own_urls_and_documented_timeouts() {
        WixSettings settings = settings(complete());
        assertThat(settings.apiUrl()).hasToString("https://www.wixapis.com");
        assertThat(settings.installerUrl()).hasToString("https://www.wix.com/installer");
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.accessTokenTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.afterInstallPage()).isEmpty();
    }

    @Test
    void a_trailing_slash_of_a_url_is_dropped() {
        assertThat(settings(complete().with(WixSettings.API_URL, "http://localhost:9999/")).apiUrl())
                .hasToString("http://localhost:9999");
    }

    @Test
    void the_sandbox_plays_wix_only_when_asked_and_no_real_setting_is_configured() {
        assertThat(settings(MapConfig.of(WixSettings.SANDBOX, "true")).sandboxActive()).isTrue();
        assertThat(settings(MapConfig.of()).sandboxActive()).isFalse();
        assertThat(settings(MapConfig.of(WixSettings.SANDBOX, "true", WixSettings.APP_ID, "real-app")).sandboxActive()).isFalse();
        assertThat(settings(MapConfig.of(WixSettings.SANDBOX, "true", WixSettings.API_URL, "https://w.example.com")).sandboxActive())
                .isFalse();
    }

    @Test
    void in_the_sandbox_nothing_is_missing_and_wix_is_local() {
        WixSettings sandbox = settings(MapConfig.of(WixSettings.SANDBOX, "true", WixSettings.SANDBOX_BASE_URL, "http://localhost:9090"));
        assertThat(sandbox.problems()).isEmpty();
        assertThat(sandbox.appId()).isEqualTo(WixSettings.SANDBOX_APP_ID);
        assertThat(sandbox.apiUrl()).hasToString("http://localhost:9090/sandbox/api");
        assertThat(sandbox.redirectUrl()).hasToString("http://localhost:9090/oauth/callback");
    }

    @Test
    void environment_names_follow_microprofile_config() {
        assertThat(WixSettings.environmentName("wix.install.browser-binding")).isEqualTo("WIX_INSTALL_BROWSER_BINDING");
    }

    @Test
    void the_auth_mode_is_custom_unless_set_to_oauth() {
        assertThat(settings(complete()).authMode()).isEqualTo(AuthMode.CUSTOM);
        assertThat(settings(complete().with(WixSettings.AUTH_MODE, "oauth")).authMode()).isEqualTo(AuthMode.OAUTH);
        assertThat(settings(complete().with(WixSettings.AUTH_MODE, "custom")).problems()).isEmpty();
    }

    @Test
    void in_oauth_mode_no_redirect_url_is_needed() {
        assertThat(settings(MapConfig.of(WixSettings.AUTH_MODE, "oauth", WixSettings.APP_ID, "app",
                WixSettings.APP_SECRET, SECRET)).problems()).isEmpty();
        assertThat(settings(MapConfig.of(WixSettings.AUTH_MODE, "oauth")).problems()).containsExactly(
                "wix.app-id is not set (environment variable WIX_APP_ID)",
                "wix.app-secret is not set (environment variable WIX_APP_SECRET)");
    }

    @Test
    void an_unknown_auth_mode_is_a_problem_naming_the_key_not_the_value() {
        assertThat(settings(complete().with(WixSettings.AUTH_MODE, "OAuth2-secret-ish")).problems())
                .containsExactly("wix.auth-mode must be 'custom' or 'oauth' (environment variable WIX_AUTH_MODE)");
    }
}
