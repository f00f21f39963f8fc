package dev.wixbridge.token.control;

import java.time.Instant;

/**
 * Tokens Wix granted for one site: what the install flow gets for its code, a refresh for the
 * refresh token, and client credentials for the app's secret. {@code refreshToken} is null
 * where Wix issues none (client credentials). {@code toString} hides them so no log line can carry them.
 */
public record Grant(String refreshToken, String accessToken, Instant accessTokenExpiresAt) {

    @Override
    public String toString() {
        return "Grant[tokens hidden, access token expires " + accessTokenExpiresAt + "]";
    }
}
