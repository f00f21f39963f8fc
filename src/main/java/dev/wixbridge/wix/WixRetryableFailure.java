package dev.wixbridge.wix;

/** A failed call to Wix that may work if tried again: the trigger of {@code @Retry}. */
class WixRetryableFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient WixOutage outage;

    WixRetryableFailure(WixOutage outage) {
        super("Wix unavailable: " + outage.kind(), null, false, false);
        this.outage = outage;
    }

    WixOutage outage() {
        return outage;
    }
}
