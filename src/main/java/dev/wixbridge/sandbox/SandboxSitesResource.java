package dev.wixbridge.sandbox;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.wixbridge.installation.entity.Installation;
import dev.wixbridge.platform.web.BrowserFacing;
import dev.wixbridge.platform.web.Html;
import dev.wixbridge.token.control.AccessTokenResult;
import dev.wixbridge.token.control.AccessTokens;
import dev.wixbridge.token.control.SiteRegistration;
import dev.wixbridge.wix.AuthMode;
import dev.wixbridge.wix.WixSettings;

/** What a newcomer does in the sandbox: add a demo site, and get a token for it through the real token service. */
@Path("sandbox/sites")
@SandboxOnly
@BrowserFacing
public class SandboxSitesResource {

    @Inject
    SandboxWix wix;

    @Inject
    AccessTokens tokens;

    @Inject
    SiteRegistration registration;

    @Inject
    WixSettings settings;

    /**
     * A demo site adds the app. Custom authentication: the browser goes to our App URL, as Wix
     * would send it. Wix's current OAuth: Wix shows its own consent, and the team's software
     * registers the site (here at once, through the same registration as the API's PUT).
     */
    @POST
    @Operation(hidden = true)
    public Response newSite() {
        if (settings.authMode() == AuthMode.CUSTOM) {
            return Response.seeOther(URI.create("/install?token=" + wix.newSite())).build();
        }
        String instanceId = wix.newOAuthSite();
        return registration.register(instanceId).match(new SiteRegistration.Outcome.Cases<>() {
            @Override
            public Response registered(Installation installation, boolean created) {
                return SandboxInstallerResource.installed(instanceId,
                        "It was registered with a token by client credentials, as PUT /api/installations/{instanceId} does.");
            }

            @Override
            public Response wrongAuthMode() {
                return failed("the app uses custom authentication");
            }

            @Override
            public Response noToken(AccessTokenResult reason) {
                return failed(reason.describe());
            }
        });
    }

    private static Response failed(String reason) {
        return Html.page(Status.OK, "Sandbox: not installed", SandboxInstallerResource.BANNER
                + "<p>The demo site could not be registered: " + Html.escape(reason) + ".</p>"
                + "<p><a href=\"/\">Back to the home page</a></p>", false).build();
    }

    @POST
    @Path("{instanceId}/access-token")
    @Operation(hidden = true)
    public Response accessToken(@PathParam("instanceId") String instanceId) {
        AccessTokenResult result = tokens.accessTokenFor(instanceId);
        String body = SandboxInstallerResource.BANNER + (result instanceof AccessTokenResult.Issued issued
                ? "<p>A valid access token for <code>" + Html.escape(instanceId) + "</code>, from the same token service "
                        + "the API uses (<code>POST /api/installations/{instanceId}/access-token</code>):</p>"
                        + "<pre>" + Html.escape(issued.accessToken()) + "</pre><p>It expires at " + issued.expiresAt()
                        + "; ask again and you get it from the cache until shortly before then.</p>"
                : "<p>No token: " + Html.escape(result.describe()) + ".</p>")
                + "<p><a href=\"/\">Back to the home page</a></p>";
        return Html.page(Status.OK, "Sandbox: access token", body, false).build();
    }
}
