package dev.wixbridge.wix;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the Wix app has every setting it needs (names keys, never values). */
@Readiness
@ApplicationScoped
public class WixSettingsCheck implements HealthCheck {

    @Inject
    WixSettings settings;

    @Override
    public HealthCheckResponse call() {
        var problems = new java.util.ArrayList<>(settings.problems());
        problems.addAll(settings.webhookProblems());
        HealthCheckResponseBuilder response = HealthCheckResponse.named("configuration").status(problems.isEmpty());
        for (int i = 0; i < problems.size(); i++) {
            response.withData("problem-" + (i + 1), problems.get(i));
        }
        return response.build();
    }
}
