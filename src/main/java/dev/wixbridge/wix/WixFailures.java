package dev.wixbridge.wix;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

import jakarta.ws.rs.ProcessingException;

/** Reads what went wrong in a call that got no HTTP error status from Wix. */
final class WixFailures {

    private WixFailures() {
    }

    static WixOutage outageOf(ProcessingException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException) {
                return WixOutage.of(WixOutage.Kind.TIMEOUT);
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException && !isParsing(cause)) {
                return WixOutage.of(WixOutage.Kind.DOWN);
            }
        }
        // Anything else that stopped the call after Wix answered is an answer we could not read.
        return WixOutage.of(WixOutage.Kind.MALFORMED);
    }

    static WixOutage outageOf(WixHttpException failure) {
        WixOutage.Kind kind = failure.status() == 429 ? WixOutage.Kind.RATE_LIMITED : WixOutage.Kind.DOWN;
        return new WixOutage(kind, failure.retryAfter());
    }

    /** 5xx and 429 are Wix's trouble; other 4xx are a "no". */
    static boolean isOutage(WixHttpException failure) {
        return failure.status() >= 500 || failure.status() == 429;
    }

    private static boolean isParsing(Throwable cause) {
        return cause.getClass().getName().contains("Json");
    }
}
