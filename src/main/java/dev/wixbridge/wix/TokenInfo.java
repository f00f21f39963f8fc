package dev.wixbridge.wix;

import jakarta.json.bind.annotation.JsonbProperty;

/** {@code POST /oauth2/token-info}: the question and Wix's answer about an access token. */
final class TokenInfo {

    private TokenInfo() {
    }

    /** Holds a token: never print it. */
    public record Request(@JsonbProperty("token") String token) {
        @Override
        public String toString() {
            return "TokenInfo.Request[token hidden]";
        }
    }

    public record Response(
            @JsonbProperty("active") Boolean active,
            @JsonbProperty("subjectType") String subjectType,
            @JsonbProperty("subjectId") String subjectId,
            @JsonbProperty("exp") Long exp,
            @JsonbProperty("iat") Long iat,
            @JsonbProperty("clientId") String clientId,
            @JsonbProperty("siteId") String siteId,
            @JsonbProperty("instanceId") String instanceId) {
    }
}
