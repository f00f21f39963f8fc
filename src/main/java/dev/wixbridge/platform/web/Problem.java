package dev.wixbridge.platform.web;

import static dev.wixbridge.platform.JsonValues.JSON;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document, the one way the product answers an API caller's failure.
 * {@code type} is a relative URI naming the kind of problem; callers switch on it, never on
 * {@code detail}, which is for people. {@code members} are the problem type's own extension members.
 */
public record Problem(String type, String title, int status, String detail, Map<String, String> members) {

    public Problem(String type, String title, int status, String detail) {
        this(type, title, status, detail, Map.of());
    }

    public static final String MEDIA_TYPE = "application/problem+json";

    public String toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        members.forEach(json::add);
        return json.build().toString();
    }

    public Response toResponse() {
        return toResponse(Optional.empty());
    }

    public Response toResponse(Optional<Duration> retryAfter) {
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(toJson())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        retryAfter.ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER, RetryAfter.seconds(wait)));
        return response.build();
    }
}
