package dev.wixbridge.installation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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

import dev.wixbridge.api.ApiClientsOnly;
import dev.wixbridge.api.ApiKeyAuthentication;
import dev.wixbridge.api.ApiParameters;
import dev.wixbridge.api.ApiRoles;
import dev.wixbridge.api.Problems;
import dev.wixbridge.installation.control.Installations;
import dev.wixbridge.installation.entity.Installation;
import dev.wixbridge.platform.web.Problem;
import dev.wixbridge.token.boundary.TokenProblems;
import dev.wixbridge.token.boundary.WixAppRequired;
import dev.wixbridge.token.control.AccessTokenResult;
import dev.wixbridge.token.control.SiteRegistration;

/**
 * The installations, for the team's other software. Only callers with the role
 * {@link ApiRoles#API_CLIENT} reach it: the key filter on {@code /api/*} ({@link ApiKeyAuthentication})
 * and the role check on the resource ({@link ApiClientsOnly}).
 */
@ApiClientsOnly
@Path("api/installations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "installations", description = "Sites that installed the app, and their Wix access tokens")
@SecurityRequirement(name = ApiKeyAuthentication.OPENAPI_SCHEME)
@APIResponse(responseCode = "401", description = "Missing or invalid API key (type /problems/unauthorized)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "400", description = "A malformed instance id or query parameter (type /problems/invalid-parameter)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApplicationScoped
public class InstallationsResource {

    @Inject
    Installations installations;

    @Inject
    SiteRegistration registration;

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

    @PUT
    @Path("{instanceId}")
    @WixAppRequired
    @Operation(summary = "Register a site that installed the app (oauth mode): a token by client credentials, "
            + "confirmed with Wix, then the site stored ACTIVE")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = InstallationView.class)))
    @APIResponse(responseCode = "200", description = "Known already; ACTIVE (again)",
            content = @Content(schema = @Schema(implementation = InstallationView.class)))
    @APIResponse(responseCode = "409", description = "Wix will not issue a token for the site (type /problems/site-refused), "
            + "or the app uses custom authentication (type /problems/wrong-auth-mode)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Wix unavailable (type /problems/wix-unavailable, with Retry-After), "
            + "or Wix refuses the app's credentials (type /problems/wix-credentials-refused)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@PathParam("instanceId") String instanceId) {
        String id = ApiParameters.instanceId(instanceId);
        return registration.register(id).match(new SiteRegistration.Outcome.Cases<>() {
            @Override
            public Response registered(Installation installation, boolean created) {
                return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                        .entity(InstallationView.of(installation)).build();
            }

            @Override
            public Response wrongAuthMode() {
                return Problems.wrongAuthMode("The app uses custom authentication (wix.auth-mode=custom): "
                        + "sites are registered by the install handshake.").toResponse();
            }

            @Override
            public Response noToken(AccessTokenResult reason) {
                return reason.match(TokenProblems.forToken(id, issued -> {
                    throw new IllegalStateException("a registration without a token had one");
                }));
            }
        });
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
