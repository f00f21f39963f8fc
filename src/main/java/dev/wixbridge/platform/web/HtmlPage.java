package dev.wixbridge.platform.web;

import java.time.Duration;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * A plain page for a person in a browser: a title, what happened, what to do next.
 * Holds only text we wrote; any value is HTML-escaped.
 */
public record HtmlPage(Response.StatusType status, String title, String message, String nextStep) {

    public Response toResponse() {
        return builder().build();
    }

    public Response toResponse(Duration retryAfter) {
        return builder().header(HttpHeaders.RETRY_AFTER, RetryAfter.seconds(retryAfter)).build();
    }

    private Response.ResponseBuilder builder() {
        return Html.page(status, title, body(), false);
    }

    String html() {
        return Html.document(title, body());
    }

    private String body() {
        return "<p>" + Html.escape(message) + "</p>\n<p class=\"next\">" + Html.escape(nextStep) + "</p>";
    }
}
