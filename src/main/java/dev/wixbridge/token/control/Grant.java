package dev.wixbridge.token.control;

import java.time.Instant;

/**
 * Tokens Wix granted for one site: what the install flow gets for its code and a refresh
 * gets for the refresh token. {@code toString} hides them so no log line can carry them.
 */
public record Grant(String refreshToken, String accessToken, Instant accessTokenExpiresAt) {

    @Override
    public String toString() {
        return "Grant[tokens hidden, access token expires " + accessTokenExpiresAt + "]";
    }
}
