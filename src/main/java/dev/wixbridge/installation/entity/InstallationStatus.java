package dev.wixbridge.installation.entity;

import java.util.Optional;

/** Where a site stands with the app. */
public enum InstallationStatus {
    /** Installed, with a refresh token we can use. */
    ACTIVE,
    /** Wix refused the refresh token: the site owner must open the app again. */
    REAUTH_REQUIRED,
    /** Removed; tokens forgotten. */
    UNINSTALLED;

    /** The status of this name, empty for anything else. */
    public static Optional<InstallationStatus> parse(String name) {
        for (InstallationStatus status : values()) {
            if (status.name().equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
