package dev.wixbridge.sandbox;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import dev.wixbridge.wix.WixSettings;

/** Outside sandbox mode the sandbox's URLs do not exist: 404, before any of its code runs. */
@Provider
@SandboxOnly
public class SandboxGate implements ContainerRequestFilter {

    @Inject
    WixSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!settings.sandboxActive()) {
            request.abortWith(Response.status(Response.Status.NOT_FOUND).build());
        }
    }
}
