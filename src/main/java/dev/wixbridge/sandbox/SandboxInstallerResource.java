package dev.wixbridge.sandbox;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.wixbridge.wix.WixSettings;
import dev.wixbridge.platform.web.BrowserFacing;
import dev.wixbridge.platform.web.Html;
import dev.wixbridge.platform.web.Urls;

/** The sandbox's Wix installer: the consent page with an Approve button, and the page that ends the install. */
@Path("sandbox/installer")
@SandboxOnly
@BrowserFacing
public class SandboxInstallerResource {

    static final String BANNER = "<p class=\"sandbox\"><strong>Sandbox.</strong> This page stands in for Wix on this "
            + "machine; nothing here talks to the real Wix.</p>";

    @Inject
    SandboxWix wix;

    @Inject
    WixSettings settings;

    @GET
    @Path("install")
    @Operation(hidden = true)
    public Response consent(@QueryParam("token") String token, @QueryParam("appId") String appId,
                            @QueryParam("redirectUrl") String redirectUrl, @QueryParam("state") String state) {
        Optional<String> site = Optional.ofNullable(token).flatMap(wix::siteOfInstallToken);
        if (site.isEmpty() || !settings.appId().equals(appId) || state == null
                || !settings.redirectUrl().toString().equals(redirectUrl)) {
            return Html.page(Status.BAD_REQUEST, "Sandbox: this install request is not valid",
                    BANNER + "<p>Start again from the <a href=\"/\">home page</a>.</p>", false).build();
        }
        String body = BANNER
                + "<p>The demo site <code>" + Html.escape(site.get()) + "</code> is about to install the app <code>"
                + Html.escape(appId) + "</code>. On Wix, the site owner would now see the permissions the app asks for.</p>"
                + "<form method=\"post\" action=\"approve\">"
                + hidden("token", token) + hidden("state", state)
                + "<button type=\"submit\">Approve</button></form>";
        return Html.page(Status.OK, "Sandbox: install the app?", body, true).build();
    }

    @POST
    @Path("approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response approve(@FormParam("token") String token, @FormParam("state") String state) {
        Optional<String> site = Optional.ofNullable(token).flatMap(wix::siteOfInstallToken);
        if (site.isEmpty() || state == null) {
            return Html.page(Status.BAD_REQUEST, "Sandbox: this approval is not valid",
                    BANNER + "<p>Start again from the <a href=\"/\">home page</a>.</p>", false).build();
        }
        URI callback = Urls.withQuery(settings.redirectUrl(), "",
                new java.util.LinkedHashMap<>(Map.of("code", wix.codeFor(site.get()), "instanceId", site.get(), "state", state)));
        return Response.seeOther(callback).build();
    }

    @GET
    @Path("close-window")
    @Operation(hidden = true)
    public Response closeWindow(@QueryParam("access_token") String accessToken) {
        Optional<String> site = wix.siteOfAccessToken(accessToken);
        if (site.isEmpty()) {
            return Html.page(Status.UNAUTHORIZED, "Sandbox: unknown access token",
                    BANNER + "<p>Start again from the <a href=\"/\">home page</a>.</p>", false).build();
        }
        return installed(site.get(), "On Wix, this is where the install window closes.");
    }

    /** The page of a demo site that has the app, with the button that asks the real token service. */
    static Response installed(String instanceId, String note) {
        String body = BANNER
                + "<p>The app is installed on the demo site <code>" + Html.escape(instanceId) + "</code>. "
                + Html.escape(note) + "</p>"
                + "<form method=\"post\" action=\"/sandbox/sites/" + Html.escape(instanceId) + "/access-token\">"
                + "<button type=\"submit\">Get an access token for this site</button></form>"
                + "<p><a href=\"/\">Back to the home page</a></p>";
        return Html.page(Status.OK, "Sandbox: installed", body, true).build();
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + Html.escape(value) + "\">";
    }
}
