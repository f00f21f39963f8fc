package dev.wixbridge.install.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import dev.wixbridge.wix.WixSettings;

/**
 * While a required setting is missing or malformed, the install URLs answer a plain 503 page
 * before any of their code runs; the start-up log has told the admin what to fix.
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
        }
    }
}
