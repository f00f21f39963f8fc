package dev.wixbridge.install.boundary;

import java.net.URI;
import java.util.LinkedHashMap;
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

import dev.wixbridge.install.control.InstallStates;
import dev.wixbridge.platform.config.WixSettings;
import dev.wixbridge.platform.security.SecureTokens;
import dev.wixbridge.platform.web.BrowserFacing;
import dev.wixbridge.platform.web.QueryParameters;
import dev.wixbridge.platform.web.Urls;

/**
 * The App URL: Wix sends the site owner here with an install {@code token}; we send them
 * straight on to Wix's consent page with a fresh {@code state}.
 */
@Path("install")
@BrowserFacing
public class AppUrlResource {

    @Inject
    WixSettings settings;

    @Inject
    InstallStates states;

    @Inject
    InstallPages pages;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(hidden = true) // a page for browsers, not part of the API
    public Response install(@CookieParam(InstallCookie.NAME) Cookie cookie) {
        if (!settings.problems().isEmpty()) {
            return pages.misconfigured();
        }
        String token = QueryParameters.of(uriInfo).require("token");
        String browserId = InstallCookie.browserId(cookie).orElseGet(SecureTokens::newToken);
        String state = states.issue(browserId);

        Map<String, String> consent = new LinkedHashMap<>();
        consent.put("token", token);
        consent.put("appId", settings.appId());
        consent.put("redirectUrl", settings.redirectUrl().toString());
        consent.put("state", state);
        URI installer = Urls.withQuery(settings.installerUrl(), "install", consent);
        boolean secure = "https".equals(settings.redirectUrl().getScheme());
        return Response.status(Response.Status.FOUND)
                .location(installer)
                .cookie(InstallCookie.issue(browserId, uriInfo, secure))
                .build();
    }
}
