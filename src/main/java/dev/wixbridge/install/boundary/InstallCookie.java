package dev.wixbridge.install.boundary;

import java.util.Optional;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;

import dev.wixbridge.install.control.InstallStates;
import dev.wixbridge.platform.security.SecureTokens;

/**
 * Binds install states to the browser that started them: a random browser id in an
 * HttpOnly cookie, whose fingerprint is stored with each state. {@code SameSite=Lax} still
 * travels on Wix's top-level redirect back to us, and one cookie serves any number of
 * installs in flight.
 */
final class InstallCookie {

    static final String NAME = "wix_bridge_install";

    private InstallCookie() {
    }

    /** The browser id the browser sent, if it sent a well-formed one. */
    static Optional<String> browserId(Cookie cookie) {
        return Optional.ofNullable(cookie).map(Cookie::getValue).filter(SecureTokens::isWellFormed);
    }

    /**
     * @param secure whether our Redirect URL is https: then the cookie never travels in clear
     */
    static NewCookie issue(String browserId, UriInfo uriInfo, boolean secure) {
        return new NewCookie.Builder(NAME)
                .value(browserId)
                .path(contextPath(uriInfo))
                .maxAge((int) InstallStates.LIFETIME.toSeconds())
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    private static String contextPath(UriInfo uriInfo) {
        String path = uriInfo.getBaseUri().getPath();
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
