package dev.wixbridge.installation.entity;

/**
 * A site's refresh and access token as stored: encrypted under the key {@code keyId}.
 * The access token may be absent (forgotten, or not yet issued).
 */
public record SealedTokens(String keyId, String refreshToken, String accessToken) {

    @Override
    public String toString() {
        return "SealedTokens[key " + keyId + "]";
    }
}
