package dev.wixbridge.admin;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.wixbridge.api.ApiKeys;
import dev.wixbridge.event.control.EventFeed;
import dev.wixbridge.installation.control.Installations;
import dev.wixbridge.installation.control.PageCursor;
import dev.wixbridge.installation.entity.Installation;
import dev.wixbridge.installation.entity.InstallationStatus;
import dev.wixbridge.installation.entity.InstanceIds;
import dev.wixbridge.platform.web.BrowserFacing;
import dev.wixbridge.platform.web.RetryAfter;
import dev.wixbridge.token.control.AccessTokens;
import dev.wixbridge.wix.WixSettings;

/**
 * {@code /admin}: the installations at a glance ({@link AdminPage}). A login form backed by
 * {@code api.keys} ({@link AdminSession}); every form carries the login's form token; a
 * re-check refreshes one site's token at Wix now, through the same single flight as every refresh.
 */
@Path("admin")
@BrowserFacing
public class AdminResource {

    static final int PAGE_SIZE = 100;
    static final int EVENTS_PER_SITE = 3;

    @Inject
    ApiKeys keys;

    @Inject
    Installations installations;

    @Inject
    AccessTokens tokens;

    @Inject
    EventFeed feed;

    @Inject
    AdminSession session;

    @Inject
    Clock clock;

    @Inject
    LoginThrottle throttle;

    @Inject
    WixSettings settings;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(hidden = true)
    public Response page(@CookieParam(AdminSession.COOKIE) String login, @QueryParam("status") String status,
                         @QueryParam("after") String after, @QueryParam("instance") String instance,
                         @QueryParam("notice") String notice) {
        Optional<String> csrf = session.formToken(login);
        if (csrf.isEmpty()) {
            return AdminPage.login(Status.OK, Optional.empty());
        }
        // A filter or cursor that is not ours shows the first page of everything: nothing here is secret.
        Optional<InstallationStatus> filter = Optional.ofNullable(status).flatMap(InstallationStatus::parse);
        Optional<String> search = Optional.ofNullable(instance).map(String::strip).filter(text -> !text.isEmpty());
        Optional<String> searched = search.flatMap(InstanceIds::parse);
        if (search.isPresent() && searched.isEmpty()) {
            return AdminPage.installations(Status.BAD_REQUEST, view(List.of(), Optional.empty(), true, filter, search,
                    Optional.of(search.get() + " is not an instance id: Wix's instance ids look like "
                            + "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d."), csrf.get()));
        }
        if (searched.isPresent()) {
            List<Installation> found = installations.find(searched.get()).stream().toList();
            return AdminPage.installations(Status.OK, view(found, Optional.empty(), true, Optional.empty(), searched,
                    Optional.ofNullable(notice), csrf.get()));
        }
        Optional<PageCursor> from = PageCursor.parse(after);
        Installations.Page page = installations.page(from, filter, PAGE_SIZE);
        return AdminPage.installations(Status.OK, view(page.items(), page.next(), from.isEmpty(), filter, Optional.empty(),
                Optional.ofNullable(notice), csrf.get()));
    }

    private AdminPage.View view(List<Installation> rows, Optional<PageCursor> next, boolean firstPage,
                                Optional<InstallationStatus> filter, Optional<String> search, Optional<String> notice, String csrf) {
        var events = feed.latestOf(rows.stream().map(Installation::instanceId).toList(), EVENTS_PER_SITE);
        return new AdminPage.View(rows, next, firstPage, installations.countsByStatus(), events, filter, search, notice, csrf,
                clock.instant());
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response login(@FormParam("key") String key) {
        String client = request.getRemoteAddr();
        Optional<Duration> wait = throttle.waitFor(client);
        if (wait.isPresent()) {
            return Response.fromResponse(AdminPage.login(Status.TOO_MANY_REQUESTS,
                    Optional.of("Too many wrong keys from your address: please wait a minute, then try again.")))
                    .header(HttpHeaders.RETRY_AFTER, RetryAfter.seconds(wait.get())).build();
        }
        String presented = key == null || key.isBlank() ? null : key.strip();
        ApiKeys.Verdict verdict = keys.judge(presented);
        if (verdict == ApiKeys.Verdict.KEYS_REFUSED) {
            return AdminPage.login(Status.SERVICE_UNAVAILABLE, Optional.of("The API keys are misconfigured (the log says how):"
                    + " no one can log in until an admin fixes them."));
        }
        if (verdict != ApiKeys.Verdict.ACCEPTED) {
            throttle.failed(client);
            return AdminPage.login(Status.UNAUTHORIZED, Optional.of("That key is not one of the API keys."));
        }
        return Response.seeOther(URI.create("/admin")).cookie(session.start(presented, secureCookies())).build();
    }

    @POST
    @Path("installations/{instanceId}/recheck")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response recheck(@CookieParam(AdminSession.COOKIE) String login, @PathParam("instanceId") String instanceId,
                            @FormParam("csrf") String csrf) {
        Optional<String> site = InstanceIds.parse(instanceId);
        if (!session.accepts(login, csrf) || site.isEmpty()) {
            return AdminPage.forbidden();
        }
        String outcome = tokens.refreshNow(site.get()).describe();
        return Response.seeOther(UriBuilder.fromPath("/admin")
                .queryParam("notice", "Re-checked " + site.get() + " with Wix: " + outcome).build()).build();
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response logout(@CookieParam(AdminSession.COOKIE) String login, @FormParam("csrf") String csrf) {
        Response.ResponseBuilder back = Response.seeOther(URI.create("/admin"));
        if (!session.accepts(login, csrf)) {
            return back.build();
        }
        session.logOut(login);
        return back.cookie(session.cleared(secureCookies())).build();
    }

    /** As the configured public URL says: TLS usually ends at a proxy, so this request's scheme says nothing. */
    private boolean secureCookies() {
        return settings.isPublicUrlHttps();
    }
}
