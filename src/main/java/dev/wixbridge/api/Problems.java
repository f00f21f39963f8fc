package dev.wixbridge.api;

import java.util.Map;
import java.util.Optional;

import dev.wixbridge.platform.web.Problem;
import dev.wixbridge.platform.web.RequestBodyLimit;

/** The problem types of the protected API (documented in the README and the OpenAPI document). */
public final class Problems {

    public static final Problem UNAUTHORIZED = new Problem("/problems/unauthorized", "Missing or invalid API key", 401,
            "Send a key from api.keys as 'Authorization: Bearer <key>'.");

    private Problems() {
    }

    public static Problem invalidParameter(String detail) {
        return new Problem("/problems/invalid-parameter", "Invalid parameter", 400, detail);
    }

    public static Problem unknownInstallation(String instanceId) {
        return new Problem("/problems/unknown-installation", "Unknown installation", 404,
                "No site with instance id " + instanceId + " installed the app.");
    }

    public static Problem reauthorizationRequired(String instanceId) {
        return new Problem("/problems/reauthorization-required", "Re-authorization required", 409,
                "Wix no longer accepts this site's grant; the site owner must open the app again from the Wix dashboard ("
                        + instanceId + ").");
    }

    public static Problem uninstalled(String instanceId) {
        return new Problem("/problems/uninstalled", "Uninstalled", 409,
                "The site " + instanceId + " uninstalled the app; it must be installed again.");
    }

    public static Problem wixUnavailable() {
        return new Problem("/problems/wix-unavailable", "Wix unavailable", 503,
                "Wix did not answer usefully; try again later.");
    }

    /** The API proxy's form: Wix could not be reached, or did not begin to answer within {@code wix.proxy.timeout}. */
    public static Problem wixTimedOut() {
        return new Problem("/problems/wix-unavailable", "Wix unavailable", 504,
                "Wix could not be reached or did not answer in time; try again later.");
    }

    public static Problem bodyTooLarge(long limit) {
        return RequestBodyLimit.problem(limit);
    }

    public static Problem wixCredentialsRefused() {
        return new Problem("/problems/wix-credentials-refused", "Wix refuses the app's credentials", 503,
                "Wix refused the configured wix.app-id / wix.app-secret; an admin must fix the configuration.");
    }

    public static Problem sealedTokenUnreadable(String instanceId) {
        return new Problem("/problems/sealed-token-unreadable", "Stored token unreadable", 503,
                "The stored tokens of " + instanceId + " do not open with the keys in wix.token-keys; an admin must check them.");
    }

    /** Wix will not issue a token for the site (client credentials); {@code wixCode} is Wix's error code, if it gave one. */
    public static Problem siteRefused(String instanceId, Optional<String> wixCode) {
        return new Problem("/problems/site-refused", "Wix refuses the site", 409,
                "Wix will not issue a token for the site " + instanceId + " (is the app installed there?).",
                wixCode.map(code -> Map.of("wixCode", code)).orElse(Map.of()));
    }

    public static Problem wrongAuthMode(String detail) {
        return new Problem("/problems/wrong-auth-mode", "Not in this auth mode", 409, detail);
    }

    public static Problem apiKeysRefused() {
        return new Problem("/problems/configuration-incomplete", "Configuration incomplete", 503,
                "An entry of api.keys is too short to be a secret; the log names it by position. The API answers once it is fixed.");
    }

    public static Problem configurationIncomplete() {
        return new Problem("/problems/configuration-incomplete", "Configuration incomplete", 503,
                "The Wix app's settings are missing or malformed; the log names the keys an admin must fix.");
    }

    public static Problem webhookForged() {
        return new Problem("/problems/webhook-unverified", "Webhook not verified", 401,
                "The webhook is not a JWT signed by Wix with RS256 under wix.webhook-public-key, or it expired.");
    }

    public static Problem webhookMalformed() {
        return new Problem("/problems/webhook-malformed", "Webhook malformed", 400,
                "The body is not a JWT, or its claim 'data' is not of the shape Wix sends.");
    }

    public static Problem webhookTooLarge(int limit) {
        return new Problem("/problems/webhook-too-large", "Webhook too large", 413, "The body is over " + limit + " bytes.");
    }

    public static Problem webhooksNotConfigured() {
        return new Problem("/problems/webhooks-not-configured", "Webhooks not configured", 503,
                "wix.webhook-public-key is not set or not usable; an admin must configure it.");
    }

    public static Problem invalidInstance() {
        return new Problem("/problems/invalid-instance", "Instance not verified", 401,
                "The signature of the instance does not match the app secret, or its signDate is too old.");
    }

    public static Problem invalidToken() {
        return new Problem("/problems/invalid-token", "Token not verified", 401,
                "Wix does not vouch for this access token for this app (inactive, unknown, or another app's).");
    }

    public static Problem wixRefused(int status) {
        return new Problem("/problems/wix-refused", "Wix refused the call", 502, "Wix answered HTTP " + status + ".");
    }
}
