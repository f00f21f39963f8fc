package dev.wixbridge.wix;

import jakarta.json.bind.annotation.JsonbProperty;

/** Wix's answer from {@code /oauth/access}; Wix documents no {@code expires_in}, but honours one if sent. */
public record AccessTokenResponse(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("refresh_token") String refreshToken,
        @JsonbProperty("expires_in") Long expiresIn) {

    @Override
    public String toString() {
        return "AccessTokenResponse[tokens hidden]";
    }
}
