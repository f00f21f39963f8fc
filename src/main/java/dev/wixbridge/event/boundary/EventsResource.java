package dev.wixbridge.event.boundary;

import static dev.wixbridge.platform.JsonValues.JSON;

import java.io.StringReader;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.wixbridge.api.ApiClientsOnly;
import dev.wixbridge.api.ApiKeyAuthentication;
import dev.wixbridge.api.ApiParameters;
import dev.wixbridge.api.InvalidApiParameter;
import dev.wixbridge.event.control.EventCursor;
import dev.wixbridge.event.control.EventFeed;
import dev.wixbridge.event.entity.WixEvent;

/** {@code GET /api/events}: every verified webhook event, oldest first, for the team's other software (API clients only). */
@ApiClientsOnly
@Path("api/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "events", description = "Wix's webhook events, verified")
@SecurityRequirement(name = ApiKeyAuthentication.OPENAPI_SCHEME)
@ApplicationScoped
public class EventsResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    static final int MAX_WAIT_SECONDS = 30;

    @Inject
    EventFeed feed;

    @GET
    @Operation(summary = "Events after a cursor, oldest first; keep 'next' and ask again to see each event exactly once")
    @APIResponse(responseCode = "200", description = "{\"items\":[{id, eventType, instanceId, eventTime, receivedAt, data, identity}], \"next\"}")
    public Response events(
            @Parameter(description = "The 'next' of the previous answer; none to start at the oldest kept") @QueryParam("after") String after,
            @Parameter(description = "1 to 500 (default 100)") @QueryParam("limit") String limit,
            @Parameter(description = "Only this event type, e.g. AppRemoved") @QueryParam("eventType") String eventType,
            @Parameter(description = "Only this site") @QueryParam("instanceId") String instanceId,
            @Parameter(description = "Seconds to wait for an event when there is none, 0 to 30 (default 0)") @QueryParam("wait") String wait)
            throws InterruptedException {
        EventCursor from = after == null || after.isEmpty() ? EventCursor.START : EventCursor.parse(after)
                .orElseThrow(() -> new InvalidApiParameter("after must be the 'next' of a previous answer."));
        int size = ApiParameters.wholeNumber(limit, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        Duration waiting = Duration.ofSeconds(ApiParameters.wholeNumber(wait, "wait", 0, MAX_WAIT_SECONDS, 0));
        Optional<String> type = Optional.ofNullable(eventType).filter(value -> !value.isEmpty());
        if (type.filter(value -> value.length() > 128).isPresent()) {
            throw new InvalidApiParameter("eventType is at most 128 characters.");
        }
        Optional<String> site = Optional.ofNullable(instanceId).filter(value -> !value.isEmpty()).map(ApiParameters::instanceId);
        EventFeed.Page page = feed.read(from, size, new EventFeed.Filter(type, site), waiting);
        JsonArrayBuilder items = JSON.createArrayBuilder();
        page.items().forEach(event -> items.add(json(event)));
        return Response.ok(JSON.createObjectBuilder().add("items", items).add("next", page.next().token()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static JsonObjectBuilder json(WixEvent event) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", event.eventId())
                .add("eventType", event.eventType())
                .add("eventTime", event.eventTime().toString())
                .add("receivedAt", event.receivedAt().toString())
                .add("data", parsed(event.data()));
        json.add("instanceId", event.instanceId() == null ? JsonValue.NULL : JSON.createValue(event.instanceId()));
        json.add("identity", event.identity() == null ? JsonValue.NULL : parsed(event.identity()));
        return json;
    }

    private static JsonValue parsed(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
