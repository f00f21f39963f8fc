package dev.wixbridge.event.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.wixbridge.api.Problems;
import dev.wixbridge.event.control.ReceivedEvent;
import dev.wixbridge.event.control.WebhookVerifier.Verification;
import dev.wixbridge.event.control.Webhooks;
import dev.wixbridge.platform.web.OwnBodyLimit;
import dev.wixbridge.platform.web.RetryAfter;

/**
 * {@code POST /webhooks/wix}: the one URL registered in Wix's dashboard for every event. The
 * body is the JWT as text, whatever its content type. Not behind an API key: Wix's signature is
 * the proof, checked before anything is stored.
 */
@Path("webhooks/wix")
@OwnBodyLimit
@ApplicationScoped
public class WebhookResource {

    /** Far above any event Wix sends; keeps junk out of memory and the database. */
    static final int MAX_BYTES = 64 * 1024;

    @Inject
    Webhooks webhooks;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true) // Wix's to call, not the team's
    public Response receive(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            return Problems.webhookTooLarge(MAX_BYTES).toResponse();
        }
        return webhooks.receive(new String(bytes, StandardCharsets.UTF_8)).match(new Verification.Cases<>() {
            @Override
            public Response verified(ReceivedEvent event) {
                return Response.ok().build();
            }

            @Override
            public Response forged(String reason) {
                return Problems.webhookForged().toResponse();
            }

            @Override
            public Response malformed(String reason) {
                return Problems.webhookMalformed().toResponse();
            }

            @Override
            public Response notConfigured() {
                return Problems.webhooksNotConfigured().toResponse(Optional.of(RetryAfter.DEFAULT));
            }
        });
    }
}
