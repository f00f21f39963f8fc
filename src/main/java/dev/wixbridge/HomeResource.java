package dev.wixbridge;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.wixbridge.api.ApiKeys;
import dev.wixbridge.platform.web.BrowserFacing;
import dev.wixbridge.platform.web.Html;
import dev.wixbridge.wix.AuthMode;
import dev.wixbridge.wix.WixSettings;

/** {@code /}: what this service is, and in sandbox mode a button that installs a demo site through the real flow. */
@Path("")
@BrowserFacing
@ApplicationScoped
public class HomeResource {

    @Inject
    WixSettings settings;

    @Inject
    ApiKeys apiKeys;

    @GET
    @Operation(hidden = true)
    public Response home(@Context UriInfo uriInfo) {
        String about = "<p>Wix Bridge takes a Wix app through its OAuth install handshake and keeps a valid Wix "
                + "access token at hand for every site that installed the app.</p>";
        if (!settings.sandboxActive() && !settings.problems().isEmpty()) {
            return Html.page(Status.OK, "Wix Bridge", about + "<p>The Wix app is not configured yet: see the log, "
                    + "and the configuration table in the README.</p>", false).build();
        }
        String webhooks = "<p>Register <code>" + Html.escape(uriInfo.getBaseUri().resolve("webhooks/wix").toString())
                + "</code> as the webhook URL in Wix's dashboard for <code>AppInstalled</code>, <code>AppRemoved</code> and any "
                + "other event your software reads from <code>GET /api/events</code>"
                + (settings.webhookPublicKey().isPresent() ? "." : ", and set <code>WIX_WEBHOOK_PUBLIC_KEY</code> to the app's "
                + "public key.") + "</p>";
        if (!settings.sandboxActive() && settings.authMode() == AuthMode.OAUTH) {
            return Html.page(Status.OK, "Wix Bridge", about + "<p>This app uses Wix's OAuth: sites install it through "
                    + "Wix's own consent, and get tokens by client credentials. Register a site with "
                    + "<code>PUT /api/installations/{instanceId}</code>.</p>" + webhooks, false).build();
        }
        if (!settings.sandboxActive()) {
            return Html.page(Status.OK, "Wix Bridge", about
                    + "<p>Register <code>" + Html.escape(settings.redirectUrl().resolve("/install").toString())
                    + "</code> as the App URL and <code>" + Html.escape(settings.redirectUrl().toString())
                    + "</code> as the Redirect URL in Wix's dashboard.</p>" + webhooks, false).build();
        }
        String steps = settings.authMode() == AuthMode.OAUTH
                ? "<p>The app uses Wix's current OAuth (<code>WIX_AUTH_MODE=oauth</code>).</p>"
                + "<ol><li>A demo site adds the app: Wix shows its own consent (here nothing to click).</li>"
                + "<li>The site is registered as <code>PUT /api/installations/{instanceId}</code> does: a token by client "
                + "credentials, checked with Wix, and the installation stored with its token sealed.</li>"
                + "<li>Ask for an access token: it comes from the same service the API uses.</li></ol>"
                : "<ol><li>A demo site adds the app: Wix sends the browser to our App URL (<code>/install</code>).</li>"
                + "<li>We send it to the consent page (here the sandbox's) with a state only we can check.</li>"
                + "<li>Approve, and the browser comes back to our Redirect URL (<code>/oauth/callback</code>); we trade the "
                + "code for tokens, check the site with Wix, and store the installation with its tokens sealed.</li>"
                + "<li>Ask for an access token: it comes from the same service the API uses.</li></ol>";
        String body = "<p class=\"sandbox\"><strong>Sandbox mode.</strong> No Wix app is configured, so a local "
                + "stand-in plays Wix. Set <code>WIX_APP_ID</code>, <code>WIX_APP_SECRET</code> and "
                + "<code>WIX_REDIRECT_URL</code> to talk to the real Wix.</p>" + about + steps
                + "<form method=\"post\" action=\"/sandbox/sites\"><button type=\"submit\">Install a demo site</button></form>"
                + apiKeys.sandboxKey().map(key -> sandboxKeyHelp(key, uriInfo.getBaseUri())).orElse("");
        return Html.page(Status.OK, "Wix Bridge (sandbox)", body, true).build();
    }

    /** The sandbox's own API key, generated at start: a real deployment never has one. */
    private static String sandboxKeyHelp(String key, URI base) {
        String api = base.resolve("api/installations").toString();
        return "<h2>Administer the sandbox</h2><p>This run's API key (new at each start, valid only in sandbox mode): "
                + "<code id=\"sandbox-api-key\">" + Html.escape(key) + "</code></p>"
                + "<p>Log in to the <a href=\"" + Html.escape(base.resolve("admin").toString())
                + "\">admin page</a> with it, or call the API:</p><pre>API_KEY=" + Html.escape(key)
                + "\ncurl -H \"Authorization: Bearer $API_KEY\" " + Html.escape(api) + "</pre>";
    }
}
