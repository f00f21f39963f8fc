package dev.wixbridge.token.boundary;

import java.time.Instant;

/** The answer of {@code POST /api/installations/{instanceId}/access-token}. */
public record AccessTokenView(String instanceId, String accessToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "AccessTokenView[" + instanceId + "]";
    }
}
