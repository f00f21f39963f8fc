package dev.wixbridge.token.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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

/** Tells Wix a site finished setting the app up, with the site's token (API clients only, see web.xml). */
@ApiClientsOnly
@Path("api/installations/{instanceId}/setup-complete")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "installations")
@SecurityRequirement(name = ApiKeyAuthentication.OPENAPI_SCHEME)
@WixAppRequired
@APIResponse(responseCode = "401", description = "Missing or invalid API key (type /problems/unauthorized)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "400", description = "A malformed instance id (type /problems/invalid-parameter)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApplicationScoped
public class SetupCompleteResource {

    @Inject
    SiteCalls siteCalls;

    @Inject
    WixSiteApi wix;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tell Wix the site finished setting the app up (BI event APP_FINISHED_CONFIGURATION)")
    @APIResponse(responseCode = "204", description = "Wix took the event")
    @APIResponse(responseCode = "502", description = "Wix refused the call (type /problems/wix-refused)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response setupComplete(@PathParam("instanceId") String instanceId) {
        String id = ApiParameters.instanceId(instanceId);
        return siteCalls.call(id, wix::finishedConfiguration)
                .match(TokenProblems.forSiteCall(id, nothing -> Response.noContent().build()));
    }
}
