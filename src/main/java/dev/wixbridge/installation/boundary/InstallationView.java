package dev.wixbridge.installation.boundary;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbNillable;

import dev.wixbridge.installation.entity.Installation;

/** An installation as the API shows it: never a token. {@code siteName} is the site's display name as Wix gave it (null when unknown). */
@JsonbNillable
public record InstallationView(String instanceId, String status, Instant installedAt, Instant updatedAt,
                               Instant lastRefreshedAt, String lastFailure, Instant lastFailureAt, String siteName) {

    static InstallationView of(Installation installation) {
        return new InstallationView(installation.instanceId(), installation.status().name(), installation.installedAt(),
                installation.updatedAt(), installation.lastRefreshedAt(), installation.lastFailure(),
                installation.lastFailureAt(), installation.siteName().orElse(null));
    }
}
