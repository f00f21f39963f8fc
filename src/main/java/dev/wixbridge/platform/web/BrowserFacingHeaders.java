package dev.wixbridge.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Headers of every browser-facing answer, success and error alike. Wix closes its install
 * window through {@code window.opener} (so COOP must be {@code unsafe-none}) and may show our
 * pages in its frames (so no {@code X-Frame-Options}). Nothing of an install may be cached or
 * leak through a {@code Referer}: the URLs carry codes and tokens.
 */
@Provider
@BrowserFacing
public class BrowserFacingHeaders implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Cross-Origin-Opener-Policy", "unsafe-none");
        headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.putSingle("Pragma", "no-cache");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.remove("X-Frame-Options");
    }
}
