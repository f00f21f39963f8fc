package dev.wixbridge.installation.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.wixbridge.api.ApiKeyAuthentication;
import dev.wixbridge.api.ApiParameters;
import dev.wixbridge.api.ApiRoles;
import dev.wixbridge.api.Problems;
import dev.wixbridge.installation.control.Installations;
import dev.wixbridge.platform.web.Problem;

/**
 * The installations, for the team's other software. Only callers with the role
 * {@link ApiRoles#API_CLIENT} reach it: {@code web.xml} constrains {@code /api/*} to that role,
 * which the servlet container enforces before any resource runs (see {@link ApiKeyAuthentication}).
 */
@Path("api/installations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "installations", description = "Sites that installed the app, and their Wix access tokens")
@SecurityRequirement(name = ApiKeyAuthentication.OPENAPI_SCHEME)
@APIResponse(responseCode = "401", description = "Missing or invalid API key (type /problems/unauthorized)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "400", description = "A malformed instance id or query parameter (type /problems/invalid-parameter)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InstallationsResource {

    @Inject
    Installations installations;

    @GET
    @Operation(summary = "Installations in instance-id order, a page at a time (never tokens)")
    @APIResponse(responseCode = "200", description = "One page; 'next' is the cursor of the following page, null on the last",
            content = @Content(schema = @Schema(implementation = InstallationPage.class)))
    public InstallationPage list(
            @Parameter(description = "Page size, 1 to 500 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("after") String after,
            @Parameter(description = "ACTIVE, REAUTH_REQUIRED or UNINSTALLED") @QueryParam("status") String status) {
        Installations.Page page = installations.page(ListParameters.after(after), ListParameters.status(status),
                ListParameters.limit(limit));
        return new InstallationPage(page.items().stream().map(InstallationView::of).toList(),
                page.next().map(cursor -> cursor.token()).orElse(null));
    }

    @GET
    @Path("{instanceId}")
    @Operation(summary = "One installation (never tokens)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InstallationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown site (type /problems/unknown-installation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response one(@PathParam("instanceId") String instanceId) {
        String id = ApiParameters.instanceId(instanceId);
        return installations.find(id)
                .map(installation -> Response.ok(InstallationView.of(installation)).build())
                .orElseGet(() -> Problems.unknownInstallation(id).toResponse());
    }

    @DELETE
    @Path("{instanceId}")
    @Operation(summary = "Forget the site's tokens and mark it UNINSTALLED; a later install makes it ACTIVE again")
    @APIResponse(responseCode = "204", description = "Forgotten")
    @APIResponse(responseCode = "404", description = "Unknown site (type /problems/unknown-installation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response uninstall(@PathParam("instanceId") String instanceId) {
        String id = ApiParameters.instanceId(instanceId);
        return installations.uninstall(id) ? Response.noContent().build() : Problems.unknownInstallation(id).toResponse();
    }
}
