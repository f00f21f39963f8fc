package dev.wixbridge.token.boundary;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import dev.wixbridge.api.Problems;
import dev.wixbridge.platform.web.RetryAfter;
import dev.wixbridge.wix.WixSettings;

/**
 * While a Wix setting is missing or malformed (an app id, an auth mode that is neither
 * {@code custom} nor {@code oauth}), every API call that would ask Wix answers 503
 * {@code /problems/configuration-incomplete}; the start-up log has named the keys.
 */
@Provider
@WixAppRequired
public class WixAppGate implements ContainerRequestFilter {

    @Inject
    WixSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!settings.problems().isEmpty()) {
            request.abortWith(Problems.configurationIncomplete().toResponse(Optional.of(RetryAfter.DEFAULT)));
        }
    }
}
