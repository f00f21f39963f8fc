package dev.wixbridge.admin;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriBuilder;

import dev.wixbridge.event.entity.WixEvent;
import dev.wixbridge.installation.control.Installations;
import dev.wixbridge.installation.entity.Installation;
import dev.wixbridge.installation.entity.InstallationStatus;
import dev.wixbridge.platform.web.Html;

/** The admin page's HTML: the login form, and one page of installations with their forms. No scripts. */
final class AdminPage {

    private AdminPage() {
    }

    static Response login(Status status, Optional<String> message) {
        return Html.page(status, "Wix Bridge admin", message.map(text -> "<p class=\"next\" role=\"alert\">" + Html.escape(text) + "</p>").orElse("")
                + "<form method=\"post\" action=\"/admin/login\"><p><label for=\"key\">API key</label><br>"
                + "<input id=\"key\" name=\"key\" type=\"password\" autocomplete=\"off\" required size=\"40\"></p>"
                + "<button type=\"submit\">Log in</button></form>", true).build();
    }

    static Response forbidden() {
        return Html.page(Status.FORBIDDEN, "Not allowed", "<p>Log in again on <a href=\"/admin\">the admin page</a>.</p>",
                false).build();
    }

    /**
     * @param csrf the login's form token, carried by every form
     */
    static Response installations(Installations.Page page, Map<String, List<WixEvent>> events,
                                  Optional<InstallationStatus> filter, Optional<String> notice, String csrf) {
        StringBuilder body = new StringBuilder();
        notice.filter(text -> !text.isBlank())
                .ifPresent(text -> body.append("<p class=\"next\" role=\"status\">").append(Html.escape(text)).append("</p>"));
        body.append("<form method=\"get\" action=\"/admin\"><label for=\"status\">Status</label> <select id=\"status\" name=\"status\">")
                .append(option("", "all", filter.isEmpty()));
        for (InstallationStatus each : InstallationStatus.values()) {
            body.append(option(each.name(), each.name(), filter.filter(each::equals).isPresent()));
        }
        body.append("</select> <button type=\"submit\">Filter</button></form>")
                .append("<table><caption>Installations").append(filter.map(f -> " with status " + f).orElse(""))
                .append("</caption><thead><tr><th scope=\"col\">Instance id</th><th scope=\"col\">Status</th>"
                        + "<th scope=\"col\">Installed</th><th scope=\"col\">Last refresh</th><th scope=\"col\">Last failure</th>"
                        + "<th scope=\"col\">Latest events</th>"
                        + "<th scope=\"col\"><span class=\"visually-hidden\">Action</span></th></tr></thead><tbody>");
        page.items().forEach(row -> body.append(row(row, events.getOrDefault(row.instanceId(), List.of()), csrf)));
        body.append("</tbody></table>");
        if (page.items().isEmpty()) {
            body.append("<p>No installations yet.</p>");
        }
        page.next().ifPresent(cursor -> {
            URI next = UriBuilder.fromPath("/admin").queryParam("after", cursor.token())
                    .queryParam("status", filter.map(Enum::name).orElse("")).build();
            body.append("<p><a href=\"").append(Html.escape(next.toString())).append("\">Next page</a></p>");
        });
        body.append("<form method=\"post\" action=\"/admin/logout\">").append(hidden("csrf", csrf))
                .append("<button type=\"submit\">Log out</button></form>");
        return Html.page(Status.OK, "Installations", body.toString(), true).build();
    }

    private static String row(Installation installation, List<WixEvent> events, String csrf) {
        return "<tr><td><code>" + Html.escape(installation.instanceId()) + "</code></td><td>" + installation.status()
                + "</td><td>" + time(installation.installedAt()) + "</td><td>" + time(installation.lastRefreshedAt())
                + "</td><td>" + Html.escape(Optional.ofNullable(installation.lastFailure()).orElse("")) + " "
                + time(installation.lastFailureAt()) + "</td><td>" + events(events) + "</td><td><form method=\"post\" action=\"/admin/installations/"
                + Html.escape(installation.instanceId()) + "/recheck\">" + hidden("csrf", csrf)
                + "<button type=\"submit\">Re-check</button></form></td></tr>";
    }

    private static String events(List<WixEvent> events) {
        StringBuilder list = new StringBuilder();
        for (WixEvent event : events) {
            list.append(list.length() == 0 ? "" : "<br>").append(Html.escape(event.eventType())).append(" ")
                    .append(time(event.eventTime()));
        }
        return list.toString();
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
}
