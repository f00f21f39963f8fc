package dev.wixbridge.install.boundary;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.wixbridge.install.control.CallbackOutcome;
import dev.wixbridge.install.control.InstallCompletion;
import dev.wixbridge.installation.entity.InstanceIds;
import dev.wixbridge.platform.config.WixSettings;
import dev.wixbridge.platform.web.BrowserFacing;
import dev.wixbridge.platform.web.QueryParameters;
import dev.wixbridge.platform.web.Urls;

/**
 * The Redirect URL: Wix sends the site owner back here with {@code code}, {@code instanceId}
 * and our {@code state} once they approved the app.
 */
@Path("oauth/callback")
@BrowserFacing
public class RedirectUrlResource {

    @Inject
    WixSettings settings;

    @Inject
    InstallCompletion completion;

    @Inject
    InstallPages pages;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(hidden = true) // a page for browsers, not part of the API
    public Response callback(@CookieParam(InstallCookie.NAME) Cookie cookie) {
        if (!settings.problems().isEmpty()) {
            return pages.misconfigured();
        }
        QueryParameters query = QueryParameters.of(uriInfo);
        String code = query.require("code");
        String instanceId = InstanceIds.parse(query.require("instanceId", InstanceIds.FORMAT, "a Wix instance id")).orElseThrow();
        String state = query.require("state");

        CallbackOutcome outcome = completion.complete(state, code, instanceId, InstallCookie.browserId(cookie));
        if (outcome instanceof CallbackOutcome.Completed completed) {
            return Response.status(Response.Status.FOUND).location(finish(completed)).build();
        }
        return pages.failed(outcome);
    }

    /** Where the owner goes once installed: Wix's close-window page, or the team's own page. */
    private java.net.URI finish(CallbackOutcome.Completed completed) {
        return settings.afterInstallPage()
                .map(page -> Urls.withQuery(page, "", Map.of("instanceId", completed.instanceId())))
                .orElseGet(() -> Urls.withQuery(settings.installerUrl(), "close-window",
                        Map.of("access_token", completed.accessToken())));
    }
}
