package dev.wixbridge.token.control;

/**
 * A stored token that does not open: its key is not in {@code wix.token-keys} any more, or
 * the row was altered. A configuration or data fault that needs an admin, never a caller's.
 */
public class SealedTokenUnreadable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String instanceId;

    SealedTokenUnreadable(String instanceId, String message) {
        super(message, null, false, false);
        this.instanceId = instanceId;
    }

    public String instanceId() {
        return instanceId;
    }
}
