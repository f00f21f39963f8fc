package dev.wixbridge.platform.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** Builds the absolute URLs we redirect browsers to, every query value encoded. */
public final class Urls {

    private Urls() {
    }

    /** {@code base} + {@code path} + the parameters, in the order given, after any query {@code base} has. */
    public static URI withQuery(URI base, String path, Map<String, String> parameters) {
        String url = base.toString();
        int fragment = url.indexOf('#');
        if (fragment >= 0) {
            url = url.substring(0, fragment);
        }
        if (!path.isEmpty()) {
            url = url + "/" + path;
        }
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
        String separator = url.contains("?") ? (url.endsWith("?") || url.endsWith("&") ? "" : "&") : "?";
        return URI.create(url + separator + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
