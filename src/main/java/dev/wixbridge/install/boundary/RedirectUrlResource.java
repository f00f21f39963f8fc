package dev.wixbridge.install.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.wixbridge.install.control.Callback;
import dev.wixbridge.install.control.InstallCompletion;
import dev.wixbridge.installation.entity.InstanceIds;
import dev.wixbridge.platform.web.BrowserFacing;
import dev.wixbridge.platform.web.QueryParameters;

/**
 * The Redirect URL: Wix sends the site owner back here with {@code code}, {@code instanceId}
 * and our {@code state} once they approved the app.
 */
@Path("oauth/callback")
@BrowserFacing
@ConfiguredOnly
@ApplicationScoped
public class RedirectUrlResource {

    @Inject
    InstallCompletion completion;

    @Inject
    InstallPages pages;

    @GET
    @Operation(hidden = true) // a page for browsers, not part of the API
    public Response callback(@CookieParam(InstallCookie.NAME) Cookie cookie, @Context UriInfo uriInfo) {
        QueryParameters query = QueryParameters.of(uriInfo);
        String code = query.require("code");
        String instanceId = InstanceIds.parse(query.require("instanceId", InstanceIds.FORMAT, "a Wix instance id")).orElseThrow();
        String state = query.require("state");
        return completion.complete(new Callback(state, code, instanceId, InstallCookie.browserId(cookie))).match(pages);
    }
}
