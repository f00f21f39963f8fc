package dev.wixbridge.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

import dev.wixbridge.platform.persistence.Database;

/** Started once the schema is migrated and the persistence unit is open. */
@Startup
@ApplicationScoped
public class StartedCheck implements HealthCheck {

    @Inject
    Database database;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("schema-migrated").status(database.isOpen()).build();
    }
}
