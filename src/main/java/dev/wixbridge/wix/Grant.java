package dev.wixbridge.wix;

import java.time.Instant;

/** Tokens Wix granted for one site. {@code toString} hides them so no log line can carry them. */
public record Grant(String refreshToken, String accessToken, Instant accessTokenExpiresAt) {

    @Override
    public String toString() {
        return "Grant[tokens hidden, access token expires " + accessTokenExpiresAt + "]";
    }
}
