package dev.wixbridge.wix;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;


/**
 * Whether Wix accepts our app id and secret, as last seen at the token endpoint. A refusal
 * is a configuration fault, not any site's: it is logged once for the admin, and readiness
 * and the API report it until a call succeeds again.
 */
@ApplicationScoped
public class WixCredentials {

    private static final Logger LOG = Logger.getLogger(WixCredentials.class.getName());

    private volatile boolean refused;

    void refused(int status) {
        if (!refused) {
            LOG.severe("Wix refused our app credentials (HTTP " + status + "): check " + WixSettings.APP_ID
                    + " and " + WixSettings.APP_SECRET + ". No site is marked; tokens are handed out again once Wix accepts them.");
        }
        refused = true;
    }

    void accepted() {
        if (refused) {
            LOG.info("Wix accepts our app credentials again");
        }
        refused = false;
    }

    public boolean refused() {
        return refused;
    }
}
