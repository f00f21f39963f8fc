package dev.wixbridge.proxy.control;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a proxied request's path that names a Wix endpoint, exactly as the caller wrote it
 * (percent-escapes kept), checked to be a path on Wix's API host and nothing else.
 *
 * <p>Read from the raw request URI, not from what the server made of it: a server normalises
 * {@code a/../b} and decodes escapes before JAX-RS sees the path, and what is forwarded must be
 * what was checked. Refused: {@code .} and {@code ..} segments (raw or escaped, any case), an
 * escaped {@code /} or {@code \}, an empty segment, a scheme (a {@code :} in the first segment,
 * which RFC 3986 §4.2 forbids a relative path for that reason), {@code @}, control characters,
 * and any raw character a URI path may not hold.
 */
public record ProxyPath(String value) {

    /** Our own part of the path: {@code /api/installations/{instanceId}/wix/}. */
    private static final Pattern PREFIX = Pattern.compile("/api/installations/[0-9A-Fa-f-]{1,64}/wix/");
    /** RFC 3986 pchar without {@code @} (checked apart, with its reason), plus {@code /} between segments. */
    private static final Pattern RAW = Pattern.compile("[A-Za-z0-9\\-._~!$&'()*+,;=:%/]*");
    private static final Pattern ESCAPE = Pattern.compile("%([0-9A-Fa-f]{2})");

    /**
     * @param requestUri the request URI as the client sent it, without the query ({@code HttpServletRequest#getRequestURI})
     * @param contextPath where the WAR is deployed ({@code ""} at the root)
     * @throws IllegalArgumentException with a reason fit for the caller
     */
    public static ProxyPath of(String requestUri, String contextPath) {
        if (!requestUri.startsWith(contextPath)) {
            throw new IllegalArgumentException("The request path is not one of this API's paths.");
        }
        Matcher prefix = PREFIX.matcher(requestUri).region(contextPath.length(), requestUri.length());
        if (!prefix.lookingAt()) {
            throw new IllegalArgumentException("The path must be /api/installations/{instanceId}/wix/{path on Wix's API}.");
        }
        String path = requestUri.substring(prefix.end());
        check(path);
        return new ProxyPath(path);
    }

    /**
     * The caller's query string, unchanged, once it is known to be one a URI may carry (null when
     * there was none).
     *
     * @throws IllegalArgumentException with a reason fit for the caller
     */
    public static String query(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        try {
            if (rawQuery.equals(new java.net.URI("http://wix/?" + rawQuery).getRawQuery())) {
                return rawQuery;
            }
        } catch (java.net.URISyntaxException malformed) {
            // refused below
        }
        throw new IllegalArgumentException("The query string holds a character a URI query may not hold raw.");
    }

    private static void check(String path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("The path on Wix's API is empty.");
        }
        if (path.indexOf('@') >= 0 || path.toLowerCase(java.util.Locale.ROOT).contains("%40")) {
            throw new IllegalArgumentException("The path on Wix's API must not contain '@'.");
        }
        if (!RAW.matcher(path).matches()) {
            throw new IllegalArgumentException("The path on Wix's API holds a character a URI path may not hold raw.");
        }
        // A trailing '/' is a path; '//' anywhere is not.
        String[] segments = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = decoded(segments[i]).orElseThrow(
                    () -> new IllegalArgumentException("The path on Wix's API holds a malformed percent-escape."));
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("The path on Wix's API must not hold an empty segment ('//').");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("The path on Wix's API must not hold '.' or '..' segments.");
            }
            if (segment.indexOf('/') >= 0 || segment.indexOf('\\') >= 0) {
                throw new IllegalArgumentException("The path on Wix's API must not hold an escaped '/' or '\\'.");
            }
            if (segment.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("The path on Wix's API must not hold control characters.");
            }
            if (i == 0 && segment.indexOf(':') >= 0) {
                throw new IllegalArgumentException("The path on Wix's API must not begin with a scheme.");
            }
        }
    }

    /** The segment with its escapes decoded byte by byte (enough to see dots, slashes and control characters). */
    private static Optional<String> decoded(String segment) {
        if (segment.replaceAll(ESCAPE.pattern(), "").indexOf('%') >= 0) {
            return Optional.empty();
        }
        Matcher escape = ESCAPE.matcher(segment);
        StringBuilder decoded = new StringBuilder();
        while (escape.find()) {
            escape.appendReplacement(decoded, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
        }
        escape.appendTail(decoded);
        return Optional.of(decoded.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
