package dev.wixbridge.wix;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * What went wrong in a call to Wix, read once: from the status Wix answered (by
 * {@link WixErrorMapper}) or from the failure that stopped the call ({@link #of(RuntimeException)}).
 * Each caller in this package gives the kind its meaning for the endpoint it called, with an
 * exhaustive switch; nobody reads a status code again.
 *
 * @param status Wix's HTTP status, 0 when Wix gave none (timeout, connection, unreadable answer)
 * @param wixCode the error code in Wix's answer, when it gave one (Wix documents no error body)
 */
record WixFailure(Kind kind, int status, Optional<Duration> retryAfter, Optional<String> wixCode) {

    WixFailure(Kind kind, int status, Optional<Duration> retryAfter) {
        this(kind, status, retryAfter, Optional.empty());
    }

    enum Kind {
        /** 401: the credentials or token we sent are not accepted. */
        UNAUTHORIZED,
        /** 403. */
        FORBIDDEN,
        /** Any other 4xx but 429: Wix says no to the request itself. */
        REFUSED,
        /** 429: Wix asks us to slow down. */
        RATE_LIMITED,
        /** 5xx, or no connection could be made: Wix did not act on the request. */
        DOWN,
        /**
         * The request went out but no answer came: a read timeout, or the connection cut before the
         * answer. Wix may have carried the request out.
         */
        TIMEOUT,
        /** An answer we cannot read: not JSON, or without the fields Wix documents. */
        MALFORMED
    }

    static WixFailure ofStatus(int status, Optional<Duration> retryAfter) {
        return ofStatus(status, retryAfter, Optional.empty());
    }

    static WixFailure ofStatus(int status, Optional<Duration> retryAfter, Optional<String> wixCode) {
        Kind kind = status == 401 ? Kind.UNAUTHORIZED
                : status == 403 ? Kind.FORBIDDEN
                : status == 429 ? Kind.RATE_LIMITED
                : status >= 500 ? Kind.DOWN
                : Kind.REFUSED;
        return new WixFailure(kind, status, retryAfter, wixCode);
    }

    static WixFailure of(Kind kind) {
        return new WixFailure(kind, 0, Optional.empty());
    }

    /** The one reading of a failed call: an error status Wix answered, or what stopped the call. */
    static WixFailure of(RuntimeException failure) {
        if (failure instanceof WixCallFailed answered) {
            return answered.failure();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (neverConnected(cause)) {
                return of(Kind.DOWN);
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException && !isParsing(cause)) {
                return of(Kind.TIMEOUT);
            }
        }
        // Anything else that stopped the call after Wix answered is an answer we could not read.
        return of(Kind.MALFORMED);
    }

    /** Whether the same request may work later, as far as Wix's answer tells. */
    boolean isOutage() {
        return switch (kind) {
            case RATE_LIMITED, DOWN, TIMEOUT, MALFORMED -> true;
            case UNAUTHORIZED, FORBIDDEN, REFUSED -> false;
        };
    }

    /** For an admin's eyes: {@code HTTP 400}, {@code TIMEOUT}. */
    String describe() {
        return status > 0 && !isOutage() ? "HTTP " + status : kind.name();
    }

    /**
     * No connection was made, so the request never reached Wix: refused, unreachable, unknown host,
     * or a connect timeout (the JDK's and Apache HttpClient's types, and the JDK's message for the
     * connect phase of {@link SocketTimeoutException}).
     */
    private static boolean neverConnected(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof NoRouteToHostException
                || cause instanceof UnknownHostException || cause instanceof HttpConnectTimeoutException
                || cause.getClass().getSimpleName().equals("ConnectTimeoutException")
                || cause instanceof SocketTimeoutException && cause.getMessage() != null
                        && cause.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect");
    }

    private static boolean isParsing(Throwable cause) {
        return cause.getClass().getName().contains("Json");
    }
}
