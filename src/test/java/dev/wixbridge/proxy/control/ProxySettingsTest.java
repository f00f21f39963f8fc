package dev.wixbridge.proxy.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.MapConfig;

class ProxySettingsTest {

    @Test
    void defaults_apply_without_settings() {
        ProxySettings settings = settings(MapConfig.of());

        assertThat(settings.retries()).isEqualTo(2);
        assertThat(settings.maxWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxBody()).isEqualTo(10L * 1024 * 1024);
        assertThat(ProxySettings.problems(MapConfig.of())).isEmpty();
    }

    @Test
    void settings_are_read_in_the_forms_admins_write() {
        MapConfig config = MapConfig.of(ProxySettings.RETRIES, "4", ProxySettings.MAX_WAIT, "2500ms",
                ProxySettings.TIMEOUT, "PT45S", ProxySettings.MAX_BODY, "512KiB");
        ProxySettings settings = settings(config);

        assertThat(settings.retries()).isEqualTo(4);
        assertThat(settings.maxWait()).isEqualTo(Duration.ofMillis(2500));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.maxBody()).isEqualTo(512L * 1024);
        assertThat(ProxySettings.problems(config)).isEmpty();
    }

    @Test
    void malformed_settings_are_named_never_echoed() {
        MapConfig config = MapConfig.of(ProxySettings.RETRIES, "-1", ProxySettings.MAX_WAIT, "soon",
                ProxySettings.TIMEOUT, "0s", ProxySettings.MAX_BODY, "lots");

        assertThat(ProxySettings.problems(config)).hasSize(4)
                .anySatisfy(problem -> assertThat(problem).startsWith(ProxySettings.RETRIES))
                .anySatisfy(problem -> assertThat(problem).startsWith(ProxySettings.MAX_WAIT))
                .anySatisfy(problem -> assertThat(problem).startsWith(ProxySettings.TIMEOUT))
                .anySatisfy(problem -> assertThat(problem).startsWith(ProxySettings.MAX_BODY))
                .noneSatisfy(problem -> assertThat(problem).contains("soon"))
                .noneSatisfy(problem -> assertThat(problem).contains("lots"));
        assertThat(settings(config).timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    private static ProxySettings settings(MapConfig config) {
        ProxySettings settings = new ProxySettings();
        settings.config = config;
        return settings;
    }
}
