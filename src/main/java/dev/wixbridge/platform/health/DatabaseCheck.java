package dev.wixbridge.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.wixbridge.platform.persistence.DatabaseProbe;

/** Ready only while the database answers, asked on a connection of the probe's own (see {@link DatabaseProbe}). */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    @Inject
    DatabaseProbe database;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database").status(database.answers()).build();
    }
}
