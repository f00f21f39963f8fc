package dev.wixbridge.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the web module's servlets are loaded, so that a client sent here at the first UP is served. */
@Readiness
@ApplicationScoped
public class ServingCheck implements HealthCheck {

    @Inject
    WebModuleStarted webModule;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("serving").status(webModule.isStarted()).build();
    }
}
