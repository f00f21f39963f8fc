package dev.wixbridge.wix;

import jakarta.json.bind.annotation.JsonbProperty;

/** Body of {@code POST /oauth/access}; {@code null} members are left out of the JSON. */
public record AccessTokenRequest(
        @JsonbProperty("grant_type") String grantType,
        @JsonbProperty("client_id") String clientId,
        @JsonbProperty("client_secret") String clientSecret,
        @JsonbProperty("code") String code,
        @JsonbProperty("refresh_token") String refreshToken) {

    static AccessTokenRequest authorizationCode(String appId, String appSecret, String code) {
        return new AccessTokenRequest("authorization_code", appId, appSecret, code, null);
    }

    static AccessTokenRequest refreshToken(String appId, String appSecret, String refreshToken) {
        return new AccessTokenRequest("refresh_token", appId, appSecret, null, refreshToken);
    }

    /** Holds the app secret and a code or refresh token: never print them. */
    @Override
    public String toString() {
        return "AccessTokenRequest[" + grantType + ", client " + clientId + "]";
    }
}
