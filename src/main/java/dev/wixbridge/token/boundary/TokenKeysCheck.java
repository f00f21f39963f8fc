package dev.wixbridge.token.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.wixbridge.token.control.TokenKeys;

/** Ready only with token keys that seal and open: without them no install stores and no token is served. */
@Readiness
@ApplicationScoped
public class TokenKeysCheck implements HealthCheck {

    @Inject
    TokenKeys keys;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("token-keys").status(keys.problem().isEmpty());
        keys.problem().ifPresent(problem -> response.withData("problem", problem));
        return response.build();
    }
}
