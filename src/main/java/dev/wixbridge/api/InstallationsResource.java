package dev.wixbridge.api;

import java.time.Clock;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.wixbridge.installation.control.Installations;
import dev.wixbridge.installation.entity.Installation;
import dev.wixbridge.platform.persistence.Database;
import dev.wixbridge.token.control.AccessTokenResult;
import dev.wixbridge.token.control.AccessTokens;
import dev.wixbridge.token.control.SiteCallResult;
import dev.wixbridge.token.control.SiteCalls;
import dev.wixbridge.wix.WixSiteApi;

/**
 * The installations and their tokens, for the team's other software. Only callers with the
 * role {@link ApiRoles#API_CLIENT} reach it: {@code web.xml} constrains {@code /api/*} to that
 * role, which the servlet container enforces before any resource runs (see {@link ApiKeyAuthentication}).
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
    Database database;

    @Inject
    Installations installations;

    @Inject
    AccessTokens tokens;

    @Inject
    SiteCalls siteCalls;

    @Inject
    WixSiteApi wixSiteApi;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "Installations in instance-id order, a page at a time (never tokens)")
    @APIResponse(responseCode = "200", description = "One page; 'next' is the cursor of the following page, null on the last",
            content = @Content(schema = @Schema(implementation = InstallationPage.class)))
    public InstallationPage list(
            @Parameter(description = "Page size, 1 to 500 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("after") String after,
            @Parameter(description = "ACTIVE, REAUTH_REQUIRED or UNINSTALLED") @QueryParam("status") String status) {
        int size = ApiParameters.limit(limit);
        List<Installation> rows = database.inTransaction(em -> installations.page(em, ApiParameters.after(after),
                ApiParameters.status(status), size + 1));
        List<InstallationView> items = rows.stream().limit(size).map(InstallationView::of).toList();
        String next = rows.size() > size ? ApiParameters.cursorAfter(items.get(items.size() - 1).instanceId()) : null;
        return new InstallationPage(items, next);
    }

    @GET
    @Path("{instanceId}")
    @Operation(summary = "One installation (never tokens)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InstallationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown site (type /problems/unknown-installation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response one(@PathParam("instanceId") String instanceId) {
        String id = ApiParameters.instanceId(instanceId);
        Installation installation = database.inTransaction(em -> installations.find(em, id));
        return installation == null ? Problem.unknownInstallation(id).toResponse()
                : Response.ok(InstallationView.of(installation)).build();
    }

    @POST
    @Path("{instanceId}/access-token")
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
        AccessTokenResult result = tokens.accessTokenFor(id);
        if (result instanceof AccessTokenResult.Issued issued) {
            return Response.ok(new AccessTokenView(id, issued.accessToken(), issued.expiresAt()))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .build();
        }
        return ResultProblems.of(id, result);
    }

    @POST
    @Path("{instanceId}/setup-complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tell Wix the site finished setting the app up (BI event APP_FINISHED_CONFIGURATION)")
    @APIResponse(responseCode = "204", description = "Wix took the event")
    @APIResponse(responseCode = "502", description = "Wix refused the call (type /problems/wix-refused)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response setupComplete(@PathParam("instanceId") String instanceId) {
        String id = ApiParameters.instanceId(instanceId);
        SiteCallResult<Void> result = siteCalls.call(id, wixSiteApi::finishedConfiguration);
        return result instanceof SiteCallResult.Completed<Void> ? Response.noContent().build() : ResultProblems.of(id, result);
    }

    @GET
    @Path("{instanceId}/instance")
    @Operation(summary = "Wix's GET /apps/v1/instance for the site, passed through")
    @APIResponse(responseCode = "200", description = "Wix's answer as it was")
    public Response instance(@PathParam("instanceId") String instanceId) {
        String id = ApiParameters.instanceId(instanceId);
        SiteCallResult<jakarta.json.JsonObject> result = siteCalls.call(id, wixSiteApi::instance);
        if (result instanceof SiteCallResult.Completed<jakarta.json.JsonObject> completed) {
            return Response.ok(completed.body().toString(), MediaType.APPLICATION_JSON_TYPE).build();
        }
        return ResultProblems.of(id, result);
    }

    @DELETE
    @Path("{instanceId}")
    @Operation(summary = "Forget the site's tokens and mark it UNINSTALLED; a later install makes it ACTIVE again")
    @APIResponse(responseCode = "204", description = "Forgotten")
    public Response uninstall(@PathParam("instanceId") String instanceId) {
        String id = ApiParameters.instanceId(instanceId);
        boolean known = database.inTransaction(em -> {
            Installation installation = installations.lock(em, id);
            if (installation != null) {
                installation.uninstall(clock.instant());
            }
            return installation != null;
        });
        tokens.forget(id);
        return known ? Response.noContent().build() : Problem.unknownInstallation(id).toResponse();
    }
}
