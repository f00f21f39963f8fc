package dev.wixbridge.installation.boundary;

import java.util.List;

import jakarta.json.bind.annotation.JsonbNillable;

/** One page of installations; {@code next} is the cursor of the following page, null on the last. */
@JsonbNillable
public record InstallationPage(List<InstallationView> items, String next) {
}
