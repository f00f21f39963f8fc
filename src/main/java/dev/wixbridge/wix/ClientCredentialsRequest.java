package dev.wixbridge.wix;

import jakarta.json.bind.annotation.JsonbProperty;

/** Body of {@code POST /oauth2/token}: the app's credentials and the site's instance id. */
public record ClientCredentialsRequest(
        @JsonbProperty("grant_type") String grantType,
        @JsonbProperty("client_id") String clientId,
        @JsonbProperty("client_secret") String clientSecret,
        @JsonbProperty("instance_id") String instanceId) {

    static ClientCredentialsRequest of(String appId, String appSecret, String instanceId) {
        return new ClientCredentialsRequest("client_credentials", appId, appSecret, instanceId);
    }

    /** Holds the app secret: never print it. */
    @Override
    public String toString() {
        return "ClientCredentialsRequest[client " + clientId + ", instance " + instanceId + "]";
    }
}
