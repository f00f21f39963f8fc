package dev.wixbridge.wix;

import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Tells the admin at start-up what the install flow still needs; never prints a value. */
@ApplicationScoped
public class WixSettingsReport {

    private static final Logger LOG = Logger.getLogger(WixSettingsReport.class.getName());

    @Inject
    WixSettings settings;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        settings.webhookProblems().forEach(problem -> LOG.severe("Configuration problem: " + problem
                + ". /webhooks/wix refuses every webhook until it is fixed."));
        if (settings.webhookPublicKey().isEmpty() && settings.webhookProblems().isEmpty()) {
            LOG.info(WixSettings.WEBHOOK_PUBLIC_KEY + " is not set (environment variable "
                    + WixSettings.environmentName(WixSettings.WEBHOOK_PUBLIC_KEY) + "): /webhooks/wix answers 503.");
        }
        List<String> problems = settings.problems();
        if (settings.sandboxActive()) {
            LOG.warning("SANDBOX MODE: a local stand-in plays Wix at " + settings.apiUrl() + " and "
                    + settings.installerUrl() + ". Nothing here talks to the real Wix. Configure "
                    + WixSettings.APP_ID + " (and the other Wix settings) to turn the sandbox off.");
        } else if (problems.isEmpty()) {
            LOG.info(() -> "Wix app " + settings.appId() + " configured, auth mode " + settings.authMode().value()
                    + (settings.authMode() == AuthMode.CUSTOM ? ", redirect URL " + settings.redirectUrl() : "")
                    + ", Wix API " + settings.apiUrl());
        } else {
            problems.forEach(problem -> LOG.severe("Configuration problem: " + problem
                    + ". The install URLs and the token API answer 503 until it is fixed."));
        }
    }
}
