package dev.wixbridge.admin;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.wixbridge.api.ApiKeys;
import dev.wixbridge.installation.control.Installations;
import dev.wixbridge.installation.entity.Installation;
import dev.wixbridge.installation.entity.InstallationStatus;
import dev.wixbridge.installation.entity.InstanceIds;
import dev.wixbridge.platform.persistence.Database;
import dev.wixbridge.platform.web.BrowserFacing;
import dev.wixbridge.platform.web.Html;
import dev.wixbridge.token.control.AccessTokens;

/**
 * {@code /admin}: the installations at a glance. Plain HTML, no scripts; a login form backed
 * by {@code api.keys} ({@link AdminSession}); every form carries the login's form token; a re-check refreshes one site's
 * token at Wix now, through the same single flight as every refresh.
 */
@Path("admin")
@BrowserFacing
public class AdminResource {

    static final int PAGE_SIZE = 100;

    @Inject
    ApiKeys keys;

    @Inject
    Database database;

    @Inject
    Installations installations;

    @Inject
    AccessTokens tokens;

    @Inject
    AdminSession session;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(hidden = true)
    public Response page(@CookieParam(AdminSession.COOKIE) Cookie login, @QueryParam("status") String status,
                         @QueryParam("after") String after, @QueryParam("notice") String notice) {
        Optional<String> csrf = session.formToken(login);
        if (csrf.isEmpty()) {
            return loginPage(Status.OK, "");
        }
        Optional<InstallationStatus> filter = parseStatus(status);
        Optional<String> from = InstanceIds.parse(after);
        List<Installation> rows = database.inTransaction(em -> installations.page(em, from, filter, PAGE_SIZE + 1));
        StringBuilder body = new StringBuilder();
        if (notice != null && !notice.isBlank()) {
            body.append("<p class=\"next\" role=\"status\">").append(Html.escape(notice)).append("</p>");
        }
        body.append("<form method=\"get\" action=\"/admin\"><label for=\"status\">Status</label> <select id=\"status\" name=\"status\">")
                .append(option("", "all", filter.isEmpty()));
        for (InstallationStatus each : InstallationStatus.values()) {
            body.append(option(each.name(), each.name(), filter.filter(each::equals).isPresent()));
        }
        body.append("</select> <button type=\"submit\">Filter</button></form>")
                .append("<table><caption>Installations").append(filter.map(f -> " with status " + f).orElse(""))
                .append("</caption><thead><tr><th scope=\"col\">Instance id</th><th scope=\"col\">Status</th>"
                        + "<th scope=\"col\">Installed</th><th scope=\"col\">Last refresh</th><th scope=\"col\">Last failure</th>"
                        + "<th scope=\"col\"><span class=\"visually-hidden\">Action</span></th></tr></thead><tbody>");
        rows.stream().limit(PAGE_SIZE).forEach(row -> body.append(row(row, csrf.get())));
        body.append("</tbody></table>");
        if (rows.isEmpty()) {
            body.append("<p>No installations yet.</p>");
        }
        if (rows.size() > PAGE_SIZE) {
            URI next = UriBuilder.fromPath("/admin").queryParam("after", rows.get(PAGE_SIZE - 1).instanceId())
                    .queryParam("status", filter.map(Enum::name).orElse("")).build();
            body.append("<p><a href=\"").append(Html.escape(next.toString())).append("\">Next page</a></p>");
        }
        body.append("<form method=\"post\" action=\"/admin/logout\">").append(hidden("csrf", csrf.get()))
                .append("<button type=\"submit\">Log out</button></form>");
        return Html.page(Status.OK, "Installations", body.toString(), true).build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response login(@FormParam("key") String key) {
        if (key == null || key.isBlank() || !keys.accepts(key.strip())) {
            return loginPage(Status.UNAUTHORIZED, "<p class=\"next\" role=\"alert\">That key is not one of the API keys.</p>");
        }
        return Response.seeOther(URI.create("/admin")).cookie(session.start(isHttps())).build();
    }

    @POST
    @Path("installations/{instanceId}/recheck")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response recheck(@CookieParam(AdminSession.COOKIE) Cookie login, @PathParam("instanceId") String instanceId,
                            @FormParam("csrf") String csrf) {
        Optional<String> site = InstanceIds.parse(instanceId);
        if (!session.accepts(login, csrf) || site.isEmpty()) {
            return Html.page(Status.FORBIDDEN, "Not allowed", "<p>Log in again on <a href=\"/admin\">the admin page</a>.</p>",
                    false).build();
        }
        String outcome = tokens.refreshNow(site.get()).getClass().getSimpleName();
        return Response.seeOther(UriBuilder.fromPath("/admin")
                .queryParam("notice", "Re-checked " + site.get() + " with Wix: " + outcome).build()).build();
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response logout(@CookieParam(AdminSession.COOKIE) Cookie login, @FormParam("csrf") String csrf) {
        Response.ResponseBuilder back = Response.seeOther(URI.create("/admin"));
        return (session.accepts(login, csrf) ? back.cookie(session.end(isHttps())) : back).build();
    }

    private boolean isHttps() {
        return "https".equals(uriInfo.getBaseUri().getScheme());
    }

    private Response loginPage(Status status, String message) {
        return Html.page(status, "Wix Bridge admin", message
                + "<form method=\"post\" action=\"/admin/login\"><p><label for=\"key\">API key</label><br>"
                + "<input id=\"key\" name=\"key\" type=\"password\" autocomplete=\"off\" required size=\"40\"></p>"
                + "<button type=\"submit\">Log in</button></form>", true).build();
    }

    private static String row(Installation installation, String csrf) {
        return "<tr><td><code>" + Html.escape(installation.instanceId()) + "</code></td><td>" + installation.status()
                + "</td><td>" + time(installation.installedAt()) + "</td><td>" + time(installation.lastRefreshedAt())
                + "</td><td>" + Html.escape(Optional.ofNullable(installation.lastFailure()).orElse("")) + " "
                + time(installation.lastFailureAt()) + "</td><td><form method=\"post\" action=\"/admin/installations/"
                + Html.escape(installation.instanceId()) + "/recheck\">" + hidden("csrf", csrf)
                + "<button type=\"submit\">Re-check</button></form></td></tr>";
    }

    private static String time(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String option(String value, String label, boolean selected) {
        return "<option value=\"" + value + "\"" + (selected ? " selected" : "") + ">" + label + "</option>";
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + Html.escape(value) + "\">";
    }

    private static Optional<InstallationStatus> parseStatus(String status) {
        try {
            return status == null || status.isBlank() ? Optional.empty() : Optional.of(InstallationStatus.valueOf(status));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
