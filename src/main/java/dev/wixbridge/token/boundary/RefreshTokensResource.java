package dev.wixbridge.token.boundary;

import static dev.wixbridge.platform.JsonValues.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.wixbridge.api.ApiClientsOnly;
import dev.wixbridge.api.ApiKeyAuthentication;
import dev.wixbridge.api.Problems;
import dev.wixbridge.platform.web.Problem;
import dev.wixbridge.token.control.RefreshTokenErasure;

/** The end of a migration to client credentials: erase the refresh tokens kept for a switch back (API clients only). */
@ApiClientsOnly
@Path("api/refresh-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "token keys")
@SecurityRequirement(name = ApiKeyAuthentication.OPENAPI_SCHEME)
@WixAppRequired
@ApplicationScoped
public class RefreshTokensResource {

    @Inject
    RefreshTokenErasure erasure;

    @DELETE
    @Operation(summary = "Erase every stored refresh token (oauth mode only; a switch back to custom is then impossible)")
    @APIResponse(responseCode = "200", description = "{\"erased\": n}")
    @APIResponse(responseCode = "409", description = "In custom mode (type /problems/wrong-auth-mode)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response eraseAll() {
        return erasure.eraseAll().stream()
                .mapToObj(erased -> Response.ok(JSON.createObjectBuilder().add("erased", erased).build().toString()).build())
                .findFirst()
                .orElseGet(() -> Problems.wrongAuthMode("The app authenticates with refresh tokens (wix.auth-mode=custom): "
                        + "erasing them would cut every site off.").toResponse());
    }
}
