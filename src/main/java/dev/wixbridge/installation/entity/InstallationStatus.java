package dev.wixbridge.installation.entity;

/** Where a site stands with the app. */
public enum InstallationStatus {
    /** Installed, with a refresh token we can use. */
    ACTIVE,
    /** Wix refused the refresh token: the site owner must open the app again. */
    REAUTH_REQUIRED,
    /** Removed; tokens forgotten. */
    UNINSTALLED
}
