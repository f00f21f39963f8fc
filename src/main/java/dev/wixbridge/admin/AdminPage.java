package dev.wixbridge.admin;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriBuilder;

import dev.wixbridge.event.entity.WixEvent;
import dev.wixbridge.installation.control.PageCursor;
import dev.wixbridge.installation.entity.Installation;
import dev.wixbridge.installation.entity.InstallationStatus;
import dev.wixbridge.platform.web.Html;

/**
 * The admin page's HTML: the login form, and the installations: totals per status, a search by
 * instance id, one page of sites with readable times (exact UTC on hover) and their forms. No scripts.
 */
final class AdminPage {

    private AdminPage() {
    }

    static Response login(Status status, Optional<String> message) {
        return Html.unframedPage(status, "Wix Bridge admin", message.map(text -> "<p class=\"next\" role=\"alert\">" + Html.escape(text) + "</p>").orElse("")
                + "<form method=\"post\" action=\"/admin/login\"><p><label for=\"key\">API key</label><br>"
                + "<input id=\"key\" name=\"key\" type=\"password\" autocomplete=\"off\" required size=\"40\"></p>"
                + "<button type=\"submit\">Log in</button></form>", true).build();
    }

    static Response forbidden() {
        return Html.unframedPage(Status.FORBIDDEN, "Not allowed", "<p>Log in again on <a href=\"/admin\">the admin page</a>.</p>",
                false).build();
    }

    /** What one view of the admin page shows: a page of installations, or the one a search found. */
    record View(List<Installation> rows, Optional<PageCursor> next, boolean firstPage, Map<InstallationStatus, Long> counts,
                Map<String, List<WixEvent>> events, Optional<InstallationStatus> filter, Optional<String> search,
                Optional<String> notice, String csrf, Instant now) {
    }

    static Response installations(Status status, View view) {
        StringBuilder body = new StringBuilder();
        view.notice().filter(text -> !text.isBlank())
                .ifPresent(text -> body.append("<p class=\"next\" role=\"status\">").append(Html.escape(text)).append("</p>"));
        body.append(counts(view.counts()));
        body.append("<form method=\"get\" action=\"/admin\" class=\"search\"><label for=\"instance\">Instance id</label> "
                        + "<input id=\"instance\" name=\"instance\" size=\"38\" spellcheck=\"false\" autocomplete=\"off\" value=\"")
                .append(Html.escape(view.search().orElse(""))).append("\"> <label for=\"status\">Status</label> <select id=\"status\" name=\"status\">")
                .append(option("", "all", view.filter().isEmpty()));
        for (InstallationStatus each : InstallationStatus.values()) {
            body.append(option(each.name(), each.name(), view.filter().filter(each::equals).isPresent()));
        }
        body.append("</select> <button type=\"submit\">Show</button></form>")
                .append("<table><caption>").append(caption(view))
                .append("</caption><thead><tr><th scope=\"col\">Site</th><th scope=\"col\">Status</th>"
                        + "<th scope=\"col\">Installed</th><th scope=\"col\">Token expires</th><th scope=\"col\">Last refresh</th>"
                        + "<th scope=\"col\">Last failure</th><th scope=\"col\">Latest events</th>"
                        + "<th scope=\"col\"><span class=\"visually-hidden\">Action</span></th></tr></thead><tbody>");
        view.rows().forEach(row -> body.append(row(row, view.events().getOrDefault(row.instanceId(), List.of()), view.csrf(), view.now())));
        body.append("</tbody></table>");
        if (view.rows().isEmpty()) {
            body.append(view.search().isPresent() ? "<p>No installation has that instance id.</p>" : "<p>No installations here.</p>");
        }
        body.append(paging(view));
        body.append("<form method=\"post\" action=\"/admin/logout\">").append(hidden("csrf", view.csrf()))
                .append("<button type=\"submit\">Log out</button></form>");
        return Html.unframedPage(status, "Installations", body.toString(), true).build();
    }

    /** The totals per status, each a link to its filter. */
    private static String counts(Map<InstallationStatus, Long> counts) {
        StringBuilder list = new StringBuilder("<ul class=\"counts\" aria-label=\"Installations per status\">");
        long total = 0;
        for (Map.Entry<InstallationStatus, Long> count : counts.entrySet()) {
            total += count.getValue();
            list.append("<li><a href=\"/admin?status=").append(count.getKey().name()).append("\">")
                    .append(count.getKey().name()).append("</a> <strong>").append(String.format(Locale.ROOT, "%,d", count.getValue()))
                    .append("</strong></li>");
        }
        return list.append("<li><a href=\"/admin\">All</a> <strong>").append(String.format(Locale.ROOT, "%,d", total))
                .append("</strong></li></ul>").toString();
    }

    private static String caption(View view) {
        if (view.search().isPresent()) {
            return "Installation " + Html.escape(view.search().get());
        }
        return "Installations" + view.filter().map(f -> " with status " + f).orElse("")
                + (view.firstPage() ? "" : ", a later page") + " (in instance-id order)";
    }

    private static String paging(View view) {
        StringBuilder links = new StringBuilder();
        String status = view.filter().map(Enum::name).orElse("");
        if (!view.firstPage() || view.search().isPresent()) {
            URI first = UriBuilder.fromPath("/admin").queryParam("status", status).build();
            links.append("<a href=\"").append(Html.escape(first.toString())).append("\">First page</a>");
        }
        view.next().ifPresent(cursor -> {
            URI next = UriBuilder.fromPath("/admin").queryParam("after", cursor.token()).queryParam("status", status).build();
            links.append(links.length() == 0 ? "" : " · ").append("<a href=\"").append(Html.escape(next.toString()))
                    .append("\" rel=\"next\">Next page</a>");
        });
        return links.length() == 0 ? "" : "<nav class=\"paging\" aria-label=\"Pages\"><p>" + links + "</p></nav>";
    }

    private static String row(Installation installation, List<WixEvent> events, String csrf, Instant now) {
        String site = installation.siteName().map(name -> "<strong>" + Html.escape(name) + "</strong><br>").orElse("")
                + "<code>" + Html.escape(installation.instanceId()) + "</code>";
        String failure = installation.lastFailure() == null ? ""
                : Html.escape(FailureWords.of(installation.lastFailure())) + " " + RelativeTime.html(installation.lastFailureAt(), now);
        return "<tr><td>" + site + "</td><td>" + installation.status()
                + "</td><td>" + RelativeTime.html(installation.installedAt(), now)
                + "</td><td>" + (installation.status() == InstallationStatus.ACTIVE ? RelativeTime.html(installation.accessTokenExpiresAt(), now) : "")
                + "</td><td>" + RelativeTime.html(installation.lastRefreshedAt(), now)
                + "</td><td class=\"failure\">" + failure + "</td><td>" + events(events, now)
                + "</td><td><form method=\"post\" action=\"/admin/installations/"
                + Html.escape(installation.instanceId()) + "/recheck\">" + hidden("csrf", csrf)
                + "<button type=\"submit\">Re-check</button></form></td></tr>";
    }

    private static String events(List<WixEvent> events, Instant now) {
        StringBuilder list = new StringBuilder();
        for (WixEvent event : events) {
            list.append(list.length() == 0 ? "" : "<br>").append(Html.escape(event.eventType())).append(" ")
                    .append(RelativeTime.html(event.eventTime(), now));
        }
        return list.toString();
    }

    private static String option(String value, String label, boolean selected) {
        return "<option value=\"" + value + "\"" + (selected ? " selected" : "") + ">" + label + "</option>";
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + Html.escape(value) + "\">";
    }
}
