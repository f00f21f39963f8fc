package dev.wixbridge.token.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
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
import dev.wixbridge.api.ApiParameters;
import dev.wixbridge.platform.web.Problem;
import dev.wixbridge.token.control.AccessTokens;

/** A valid Wix access token for one site, for the team's other software (API clients only, see web.xml). */
@ApiClientsOnly
@Path("api/installations/{instanceId}/access-token")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "installations")
@SecurityRequirement(name = ApiKeyAuthentication.OPENAPI_SCHEME)
@WixAppRequired
@APIResponse(responseCode = "401", description = "Missing or invalid API key (type /problems/unauthorized)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "400", description = "A malformed instance id (type /problems/invalid-parameter)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApplicationScoped
public class AccessTokenResource {

    @Inject
    AccessTokens tokens;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A Wix access token for the site with more than the refresh skew of life left")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AccessTokenView.class)))
    @APIResponse(responseCode = "404", description = "Unknown site (type /problems/unknown-installation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The site owner must open the app again "
            + "(type /problems/reauthorization-required), or the site uninstalled it (type /problems/uninstalled)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Wix unavailable (type /problems/wix-unavailable, with Retry-After), "
            + "or Wix refuses the app's credentials (type /problems/wix-credentials-refused)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response accessToken(@PathParam("instanceId") String instanceId) {
        String id = ApiParameters.instanceId(instanceId);
        return tokens.accessTokenFor(id).match(TokenProblems.forToken(id, issued ->
                Response.ok(new AccessTokenView(id, issued.accessToken(), issued.expiresAt()))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .build()));
    }
}
