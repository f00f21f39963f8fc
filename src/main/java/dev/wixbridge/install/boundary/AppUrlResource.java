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

import dev.wixbridge.install.control.InstallStates;
import dev.wixbridge.platform.security.SecureTokens;
import dev.wixbridge.platform.web.BrowserFacing;
import dev.wixbridge.platform.web.QueryParameters;
import dev.wixbridge.wix.WixInstaller;

/**
 * The App URL: Wix sends the site owner here with an install {@code token}; we send them
 * straight on to Wix's consent page with a fresh {@code state}.
 */
@Path("install")
@BrowserFacing
@ConfiguredOnly
@ApplicationScoped
public class AppUrlResource {

    @Inject
    InstallStates states;

    @Inject
    WixInstaller installer;

    @Inject
    InstallPages pages;

    @GET
    @Operation(hidden = true) // a page for browsers, not part of the API
    public Response install(@CookieParam(InstallCookie.NAME) Cookie cookie, @Context UriInfo uriInfo) {
        String token = QueryParameters.of(uriInfo).require("token");
        String browserId = InstallCookie.browserId(cookie).orElseGet(SecureTokens::newToken);
        return states.issue(browserId)
                .map(state -> Response.status(Response.Status.FOUND)
                        .location(installer.consentPage(token, state))
                        .cookie(InstallCookie.issue(browserId, uriInfo, installer.isRedirectSecure()))
                        .build())
                .orElseGet(() -> pages.tryAgainShortly(false));
    }
}
