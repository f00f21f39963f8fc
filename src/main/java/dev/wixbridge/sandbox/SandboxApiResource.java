package dev.wixbridge.sandbox;

import static dev.wixbridge.platform.JsonValues.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.wixbridge.wix.WixSettings;

/** The sandbox's Wix API: both token endpoints and the two App Management calls the product makes. */
@Path("sandbox/api")
@SandboxOnly
@Produces(MediaType.APPLICATION_JSON)
public class SandboxApiResource {

    @Inject
    SandboxWix wix;

    @Inject
    WixSettings settings;

    @POST
    @Path("oauth/access")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response access(JsonObject request) {
        if (!settings.appId().equals(request.getString("client_id", ""))
                || !settings.appSecret().equals(request.getString("client_secret", ""))) {
            return error(401, "invalid client");
        }
        var tokens = switch (request.getString("grant_type", "")) {
            case "authorization_code" -> wix.redeem(request.getString("code", null));
            case "refresh_token" -> wix.refresh(request.getString("refresh_token", null));
            default -> java.util.Optional.<SandboxWix.Tokens>empty();
        };
        return tokens.map(granted -> Response.ok(JSON.createObjectBuilder()
                        .add("access_token", granted.accessToken())
                        .add("refresh_token", granted.refreshToken())
                        .build().toString()).build())
                .orElseGet(() -> error(400, "invalid grant"));
    }

    @POST
    @Path("oauth2/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response clientCredentials(JsonObject request) {
        if (!settings.appId().equals(request.getString("client_id", ""))
                || !settings.appSecret().equals(request.getString("client_secret", ""))) {
            return error(401, "invalid client");
        }
        if (!"client_credentials".equals(request.getString("grant_type", ""))) {
            return error(400, "unsupported grant type");
        }
        return wix.clientCredentials(request.getString("instance_id", null))
                .map(token -> Response.ok(JSON.createObjectBuilder()
                        .add("access_token", token)
                        .add("token_type", "Bearer")
                        .add("expires_in", SandboxWix.CLIENT_CREDENTIALS_LIFETIME.toSeconds())
                        .build().toString()).build())
                .orElseGet(() -> error(400, "the app is not installed on this instance"));
    }

    @GET
    @Path("apps/v1/instance")
    @Operation(hidden = true)
    public Response instance(@HeaderParam(HttpHeaders.AUTHORIZATION) String accessToken) {
        return wix.siteOfAccessToken(accessToken)
                .map(instanceId -> Response.ok(JSON.createObjectBuilder()
                        .add("instance", JSON.createObjectBuilder()
                                .add("instanceId", instanceId)
                                .add("appName", "Sandbox app")
                                .add("isFree", true))
                        .add("site", JSON.createObjectBuilder().add("siteDisplayName", "Sandbox demo site"))
                        .build().toString()).build())
                .orElseGet(() -> error(401, "unauthorized"));
    }

    @POST
    @Path("apps/v1/bi-event")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response biEvent(@HeaderParam(HttpHeaders.AUTHORIZATION) String accessToken) {
        return wix.siteOfAccessToken(accessToken).isPresent() ? Response.ok("{}").build() : error(401, "unauthorized");
    }

    private static Response error(int status, String message) {
        return Response.status(status).entity(JSON.createObjectBuilder().add("message", message).build().toString()).build();
    }
}
