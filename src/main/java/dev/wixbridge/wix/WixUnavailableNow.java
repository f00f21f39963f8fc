package dev.wixbridge.wix;

/** Wix is unavailable and trying again at once will not help (it asked us to wait, or its answer was unreadable). */
class WixUnavailableNow extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient WixOutage outage;

    WixUnavailableNow(WixOutage outage) {
        super("Wix unavailable: " + outage.kind(), null, false, false);
        this.outage = outage;
    }

    WixOutage outage() {
        return outage;
    }
}
