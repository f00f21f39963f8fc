package dev.wixbridge.install.entity;

public enum InstallStateStatus {
    /** Sent to Wix; the callback has not completed it yet. */
    PENDING,
    /** A callback completed the install; the same callback may be loaded again. */
    COMPLETED,
    /** A callback was refused for good (code rejected, instance id forged). */
    REFUSED
}
