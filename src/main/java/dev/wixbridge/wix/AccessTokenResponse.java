package dev.wixbridge.wix;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.json.bind.annotation.JsonbProperty;

import dev.wixbridge.token.control.Grant;

/** Wix's answer from {@code /oauth/access}; Wix documents no {@code expires_in}, but honours one if sent. */
public record AccessTokenResponse(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("refresh_token") String refreshToken,
        @JsonbProperty("expires_in") Long expiresIn) {

    /**
     * The grant this answer carries, empty when it lacks what Wix documents.
     *
     * @param sentRefreshToken the refresh token we sent, if any: still valid when Wix sends no new one
     * @param asked when we asked: the lifetime counts from then, never optimistic
     * @param defaultLifetime the lifetime when Wix states none
     */
    Optional<Grant> grant(Optional<String> sentRefreshToken, Instant asked, Duration defaultLifetime) {
        String keptRefreshToken = isBlank(refreshToken) ? sentRefreshToken.orElse(null) : refreshToken;
        if (isBlank(accessToken) || isBlank(keptRefreshToken)) {
            return Optional.empty();
        }
        return Optional.of(new Grant(keptRefreshToken, accessToken, asked.plus(lifetime(defaultLifetime))));
    }

    /** The access token of a client-credentials answer (no refresh token there), empty when it has none. */
    Optional<Grant> accessGrant(Instant asked, Duration defaultLifetime) {
        if (isBlank(accessToken)) {
            return Optional.empty();
        }
        return Optional.of(new Grant(null, accessToken, asked.plus(lifetime(defaultLifetime))));
    }

    private Duration lifetime(Duration defaultLifetime) {
        return expiresIn != null && expiresIn > 0 ? Duration.ofSeconds(expiresIn) : defaultLifetime;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "AccessTokenResponse[tokens hidden]";
    }
}
