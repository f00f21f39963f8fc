package dev.wixbridge.token.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import dev.wixbridge.api.ApiParameters;
import dev.wixbridge.platform.web.Problem;
import dev.wixbridge.token.control.SiteCalls;
import dev.wixbridge.wix.WixSiteApi;

/** Wix's own view of a site's app instance, asked with the site's token: proves the token works end to end. */
@ApiClientsOnly
@Path("api/installations/{instanceId}/instance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "installations")
@SecurityRequirement(name = ApiKeyAuthentication.OPENAPI_SCHEME)
@WixAppRequired
@APIResponse(responseCode = "401", description = "Missing or invalid API key (type /problems/unauthorized)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "400", description = "A malformed instance id (type /problems/invalid-parameter)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApplicationScoped
public class WixInstanceResource {

    @Inject
    SiteCalls siteCalls;

    @Inject
    WixSiteApi wix;

    @GET
    @Operation(summary = "Wix's GET /apps/v1/instance for the site, passed through")
    @APIResponse(responseCode = "200", description = "Wix's answer as it was")
    public Response instance(@PathParam("instanceId") String instanceId) {
        String id = ApiParameters.instanceId(instanceId);
        return siteCalls.call(id, wix::instance)
                .match(TokenProblems.forSiteCall(id, body -> Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build()));
    }
}
