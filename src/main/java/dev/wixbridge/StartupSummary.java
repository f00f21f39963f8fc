package dev.wixbridge;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import dev.wixbridge.platform.metrics.Metrics;
import dev.wixbridge.platform.persistence.DatabaseSettings;
import dev.wixbridge.token.control.TokenKeys;
import dev.wixbridge.wix.WixSettings;

/**
 * One INFO line once the WAR has started, for the admin who reads the log to know what runs:
 * auth mode, database, token key ids and the optional features. Values only, never secrets:
 * key ids but not keys, a database URL without its credentials or options.
 */
@ApplicationScoped
public class StartupSummary {

    private static final Logger LOG = Logger.getLogger(StartupSummary.class.getName());

    @Inject
    WixSettings wix;

    @Inject
    DatabaseSettings database;

    @Inject
    TokenKeys tokenKeys;

    @Inject
    Metrics metrics;

    /** After every other start-up observer (they use the default priority), so it sums up what they did. */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) @Initialized(ApplicationScoped.class) Object ignored) {
        LOG.info(line());
        // Written only where FINE is on: who turned debug logging on sees it took effect.
        LOG.fine("Debug logging (FINE) is on for dev.wixbridge");
    }

    String line() {
        return "Wix Bridge started: auth mode " + authMode() + "; database " + database.kind() + " " + database.describe()
                + "; token keys " + tokenKeyIds() + "; features: " + String.join(", ", features());
    }

    private String authMode() {
        if (!wix.problems().isEmpty() && !wix.sandboxActive()) {
            return "not configured (see the configuration problems above)";
        }
        return wix.authMode().value();
    }

    private String tokenKeyIds() {
        return tokenKeys.problem().isPresent() ? "unusable (see above)" : String.join(", ", tokenKeys.ids());
    }

    private List<String> features() {
        List<String> features = new ArrayList<>();
        features.add("sandbox " + (wix.sandboxActive() ? "on" : "off"));
        features.add("metrics " + (metrics.enabled() ? "on" : "off"));
        features.add("webhooks " + (wix.webhookPublicKey().isPresent() && wix.webhookProblems().isEmpty() ? "on" : "off"));
        return features;
    }
}
