package dev.wixbridge.install.entity;

public enum InstallStateStatus {
    /** Sent to Wix; the callback has not completed it yet. */
    PENDING,
    /**
     * A callback claimed the state and is trading its code at Wix, holding no lock meanwhile; a
     * duplicate of that callback is told to reload in a moment. Finished, or back to pending when
     * Wix could not be asked, by the same callback.
     */
    EXCHANGING,
    /** A callback completed the install; the same callback may be loaded again. */
    COMPLETED,
    /** A callback was refused for good (code rejected, instance id forged). */
    REFUSED
}
