package dev.wixbridge.api;

import java.time.Clock;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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

import dev.wixbridge.installation.control.Installations;
import dev.wixbridge.installation.entity.Installation;
import dev.wixbridge.platform.persistence.Database;
import dev.wixbridge.token.control.AccessTokenResult;
import dev.wixbridge.token.control.AccessTokens;
import dev.wixbridge.token.control.SiteCallResult;
import dev.wixbridge.token.control.SiteCalls;
import dev.wixbridge.wix.WixSiteApi;

/**
 * The installations and their tokens, for the team's other software. A stateless EJB so that
 * {@code @RolesAllowed} is enforced by the container on every server; its work is done in
 * the controls' own transactions, so it takes none.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RolesAllowed(ApiRoles.API_CLIENT)
@Path("api/installations")
@Produces(MediaType.APPLICATION_JSON)
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
    public InstallationPage list(@QueryParam("limit") String limit, @QueryParam("after") String after,
                                 @QueryParam("status") String status) {
        int size = ApiParameters.limit(limit);
        List<Installation> rows = database.inTransaction(em -> installations.page(em, ApiParameters.after(after),
                ApiParameters.status(status), size + 1));
        List<InstallationView> items = rows.stream().limit(size).map(InstallationView::of).toList();
        String next = rows.size() > size ? ApiParameters.cursorAfter(items.get(items.size() - 1).instanceId()) : null;
        return new InstallationPage(items, next);
    }

    @GET
    @Path("{instanceId}")
    public Response one(@PathParam("instanceId") String instanceId) {
        String id = ApiParameters.instanceId(instanceId);
        Installation installation = database.inTransaction(em -> installations.find(em, id));
        return installation == null ? Problem.unknownInstallation(id).toResponse()
                : Response.ok(InstallationView.of(installation)).build();
    }

    @POST
    @Path("{instanceId}/access-token")
    @Consumes(MediaType.APPLICATION_JSON)
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
    public Response setupComplete(@PathParam("instanceId") String instanceId) {
        String id = ApiParameters.instanceId(instanceId);
        SiteCallResult<Void> result = siteCalls.call(id, wixSiteApi::finishedConfiguration);
        return result instanceof SiteCallResult.Completed<Void> ? Response.noContent().build() : ResultProblems.of(id, result);
    }

    @GET
    @Path("{instanceId}/instance")
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
