package dev.wixbridge.wix;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while Wix refuses our app id or secret (as last seen). Wix being down is not a
 * readiness matter: the service still answers, and says so per request.
 */
@Readiness
@ApplicationScoped
public class WixCredentialsCheck implements HealthCheck {

    @Inject
    WixCredentials credentials;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("wix-credentials").status(!credentials.refused())
                .withData("refused", credentials.refused())
                .build();
    }
}
