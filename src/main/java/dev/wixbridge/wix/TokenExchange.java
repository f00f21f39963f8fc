package dev.wixbridge.wix;

/** What became of a request to Wix's token endpoint. */
public sealed interface TokenExchange {

    /** Wix granted tokens. */
    record Granted(Grant grant) implements TokenExchange {
    }

    /** Wix said no; asking again with the same input will not help. */
    record Rejected(Rejection rejection, int status) implements TokenExchange {
    }

    /** Wix gave no usable answer; the same request may succeed later. */
    record Unavailable(WixOutage outage) implements TokenExchange {
    }

    enum Rejection {
        /** The code or refresh token is invalid, used, expired or revoked (4xx). */
        GRANT_REFUSED,
        /** Wix does not accept our app id or secret (401/403): a configuration fault, not the site's. */
        CLIENT_REFUSED
    }
}
