package dev.wixbridge.token.boundary;

import static dev.wixbridge.platform.JsonValues.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.wixbridge.api.ApiClientsOnly;
import dev.wixbridge.api.ApiKeyAuthentication;
import dev.wixbridge.token.control.TokenResealing;

/** Key rotation: reseal every stored token under the first key of {@code wix.token-keys}. For API clients only (see web.xml). */
@ApiClientsOnly
@Path("api/token-keys/reseal")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "token keys", description = "Rotation of the keys that seal tokens at rest")
@SecurityRequirement(name = ApiKeyAuthentication.OPENAPI_SCHEME)
@ApplicationScoped
public class TokenKeysResource {

    @Inject
    TokenResealing resealing;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reseal every stored token under the first key of wix.token-keys")
    public Response reseal() {
        TokenResealing.Outcome outcome = resealing.resealAll();
        return Response.ok(JSON.createObjectBuilder()
                .add("keyId", outcome.keyId())
                .add("resealed", outcome.resealed())
                .add("unreadable", JSON.createArrayBuilder(outcome.unreadable()))
                .build().toString()).build();
    }
}
