package dev.wixbridge.platform.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The one HTML document every page of the product uses: plain, readable, no scripts.
 * Callers pass text through {@link #escape(String)}; only markup they wrote themselves is trusted.
 */
public final class Html {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private Html() {
    }

    /**
     * A page Wix may show in its frames (the install pages).
     *
     * @param forms whether the page posts forms to this server (the CSP forbids all else)
     */
    public static Response.ResponseBuilder page(Response.StatusType status, String title, String body, boolean forms) {
        return Response.status(status).type(HTML).header("Content-Security-Policy", policy(forms)).entity(document(title, body));
    }

    /** A page no other site may frame (the admin page: no clickjacking of its buttons). */
    public static Response.ResponseBuilder unframedPage(Response.StatusType status, String title, String body, boolean forms) {
        return Response.status(status).type(HTML).header("Content-Security-Policy", policy(forms) + "; frame-ancestors 'none'")
                .entity(document(title, body));
    }

    private static String policy(boolean forms) {
        return "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action " + (forms ? "'self'" : "'none'");
    }

    static String document(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%1$s</title>
                <style>
                body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; color: #1d1d1f; }
                h1 { font-size: 1.4rem; }
                .next { padding: .75rem 1rem; background: #f2f4f7; border-radius: .5rem; }
                .sandbox { padding: .5rem 1rem; background: #fff4ce; border: 1px solid #e0c060; border-radius: .5rem; }
                button { font: inherit; padding: .5rem 1.2rem; border-radius: .4rem; border: 1px solid #555; background: #0b57d0; color: #fff; cursor: pointer; }
                code, pre { background: #f2f4f7; padding: .1rem .3rem; border-radius: .25rem; overflow-wrap: anywhere; white-space: pre-wrap; }
                .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
                table { border-collapse: collapse; width: 100%%; }
                td code { white-space: nowrap; }
                caption { text-align: left; font-weight: 600; padding: .5rem 0; }
                th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #ddd; font-size: .95rem; vertical-align: top; }
                time { white-space: nowrap; }
                .counts { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
                .search input, .search select { font: inherit; padding: .3rem; }
                td.failure { max-width: 16rem; }
                </style>
                </head>
                <body>
                <main>
                <h1>%1$s</h1>
                %2$s
                </main>
                </body>
                </html>
                """.formatted(escape(title), body);
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
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
