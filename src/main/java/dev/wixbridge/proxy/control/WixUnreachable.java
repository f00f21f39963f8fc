package dev.wixbridge.proxy.control;

/** No answer from Wix began in time: refused connection, connect or answer timeout, or a cut connection. */
public class WixUnreachable extends Exception {

    public WixUnreachable(String reason) {
        super(reason, null, false, false);
    }
}
