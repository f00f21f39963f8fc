package dev.wixbridge.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

/**
 * Strict reading of the query parameters a browser brought: each needed one present exactly
 * once, not blank and not oversized. Parameters nobody asks for are ignored, since Wix may add some.
 */
public final class QueryParameters {

    /** Far above anything Wix sends; keeps junk out of the database and the logs. */
    public static final int MAX_BYTES = 4096;

    private final MultivaluedMap<String, String> parameters;

    private QueryParameters(MultivaluedMap<String, String> parameters) {
        this.parameters = parameters;
    }

    public static QueryParameters of(UriInfo uriInfo) {
        return new QueryParameters(uriInfo.getQueryParameters(true));
    }

    public String require(String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            throw new InvalidQueryParameter(name, "is missing");
        }
        if (values.size() > 1) {
            throw new InvalidQueryParameter(name, "appears more than once");
        }
        String value = values.get(0);
        if (value == null || value.isBlank()) {
            throw new InvalidQueryParameter(name, "is empty");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidQueryParameter(name, "is too long");
        }
        return value;
    }

    public String require(String name, Pattern format, String formatName) {
        String value = require(name);
        if (!format.matcher(value).matches()) {
            throw new InvalidQueryParameter(name, "is not " + formatName);
        }
        return value;
    }
}
