package dev.wixbridge.install.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import dev.wixbridge.wix.AuthMode;
import dev.wixbridge.wix.WixSettings;

/**
 * The install URLs exist only for custom authentication with complete settings. While a
 * required setting is missing or malformed they answer a plain 503 page (the start-up log has
 * told the admin what to fix); in {@code oauth} mode a plain 404 page, since sites install
 * through Wix's own consent (a stale registration in Wix's dashboard shows a clear page).
 */
@Provider
@ConfiguredOnly
public class ConfigurationGate implements ContainerRequestFilter {

    @Inject
    WixSettings settings;

    @Inject
    InstallPages pages;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!settings.problems().isEmpty()) {
            request.abortWith(pages.misconfigured());
        } else if (settings.authMode() == AuthMode.OAUTH) {
            request.abortWith(pages.installsThroughWix());
        }
    }
}
