package dev.wixbridge.platform.web;

import java.time.Duration;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A plain page for a person in a browser: a title, what happened, what to do next.
 * Holds only text we wrote; any value is HTML-escaped.
 */
public record HtmlPage(Response.StatusType status, String title, String message, String nextStep) {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    /** Only inline styles; no scripts, no frames of ours, no forms. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    public Response toResponse() {
        return builder().build();
    }

    public Response toResponse(Duration retryAfter) {
        return builder().header(HttpHeaders.RETRY_AFTER, Math.max(1, retryAfter.toSeconds())).build();
    }

    private Response.ResponseBuilder builder() {
        return Response.status(status)
                .type(HTML)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .entity(html());
    }

    String html() {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%1$s</title>
                <style>
                body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5; color: #1d1d1f; }
                h1 { font-size: 1.4rem; }
                .next { padding: .75rem 1rem; background: #f2f4f7; border-radius: .5rem; }
                </style>
                </head>
                <body>
                <main>
                <h1>%1$s</h1>
                <p>%2$s</p>
                <p class="next">%3$s</p>
                </main>
                </body>
                </html>
                """.formatted(escape(title), escape(message), escape(nextStep));
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
