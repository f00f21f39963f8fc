package dev.wixbridge.installation.entity;

/**
 * A site's refresh and access token as stored: encrypted under the key {@code keyId}. Either
 * may be null: no refresh token for sites that only ever had client credentials (or after
 * {@code DELETE /api/refresh-tokens}), no access token where it was forgotten.
 */
public record SealedTokens(String keyId, String refreshToken, String accessToken) {

    @Override
    public String toString() {
        return "SealedTokens[key " + keyId + "]";
    }
}
