package dev.wixbridge.platform.config;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

/**
 * Whether this deployment is a sandbox, where the product plays Wix itself for a newcomer: only
 * when asked for ({@code wix.sandbox.enabled=true}, as the README's run command does) and no real
 * Wix setting is configured. One real setting turns it off, so a production server never talks to
 * the sandbox by mistake. A sandbox never touches real data: it keeps its own database in memory
 * and seals with a key of its own, whatever {@code db.*} and {@code wix.token-keys} say.
 */
@ApplicationScoped
public class SandboxMode {

    public static final String ENABLED = "wix.sandbox.enabled";

    /** Settings of a real Wix app (see {@code WixSettings}): any one of them means this is no sandbox. */
    private static final List<String> REAL_WIX_SETTINGS = List.of("wix.app-id", "wix.app-secret", "wix.redirect-url",
            "wix.installer-url", "wix.api-url");

    /** Settings of real data, which a sandbox leaves alone. */
    private static final List<String> REAL_DATA_SETTINGS = List.of("db.url", "db.datasource", "wix.token-keys");

    private static final Logger LOG = Logger.getLogger(SandboxMode.class.getName());

    @Inject
    Config config;

    /** Decided once: a deployment is a sandbox, or not, for its whole life. */
    private volatile Boolean active;

    /** Whether this deployment is a sandbox; cheap enough for every request. */
    public boolean active() {
        Boolean decided = active;
        if (decided == null) {
            decided = isActive(config);
            active = decided;
        }
        return decided;
    }

    /** Whether the configuration makes a sandbox (a static method, for settings classes built on a bare {@code Config}). */
    public static boolean isActive(Config config) {
        boolean asked = config.getOptionalValue(ENABLED, String.class).map(Boolean::parseBoolean).orElse(false);
        return asked && REAL_WIX_SETTINGS.stream().allMatch(key -> text(config, key).isEmpty());
    }

    /** Says once at start which settings a sandbox ignores. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!isActive(config)) {
            return;
        }
        List<String> ignoredSettings = REAL_DATA_SETTINGS.stream().filter(key -> text(config, key).isPresent()).toList();
        if (!ignoredSettings.isEmpty()) {
            LOG.warning("Sandbox mode: " + String.join(", ", ignoredSettings) + " ignored; the sandbox keeps its demo"
                    + " data in memory with a key of its own, and answers only this machine (loopback)");
        }
    }

    private static Optional<String> text(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(value -> !value.isEmpty());
    }
}
