package dev.wixbridge.wix;

/**
 * A call to Wix that did not give what we asked for, as {@link WixFailure} reads it. Carries no
 * body (Wix's error bodies are undocumented) and no stack: it is an outcome, not a bug.
 */
class WixCallFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient WixFailure failure;

    WixCallFailed(WixFailure failure) {
        super("Wix call failed: " + failure.describe(), null, false, false);
        this.failure = failure;
    }

    WixFailure failure() {
        return failure;
    }
}
