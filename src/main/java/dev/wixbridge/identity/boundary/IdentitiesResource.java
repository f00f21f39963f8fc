package dev.wixbridge.identity.boundary;

import static dev.wixbridge.platform.JsonValues.JSON;

import java.io.StringReader;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.wixbridge.api.ApiClientsOnly;
import dev.wixbridge.api.ApiKeyAuthentication;
import dev.wixbridge.api.InvalidApiParameter;
import dev.wixbridge.api.Problems;
import dev.wixbridge.identity.control.Identities;
import dev.wixbridge.identity.control.IdentityCheck;
import dev.wixbridge.platform.web.Problem;
import dev.wixbridge.platform.web.RetryAfter;
import dev.wixbridge.token.boundary.WixAppRequired;

/**
 * Who is looking at one of the team's dashboard pages inside a site: the page's backend passes
 * on what Wix gave the page, and trusts it only when we say so (API clients only).
 */
@ApiClientsOnly
@Path("api/identities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "identities", description = "Verifies the identities Wix gives dashboard pages")
@SecurityRequirement(name = ApiKeyAuthentication.OPENAPI_SCHEME)
@WixAppRequired
@ApplicationScoped
public class IdentitiesResource {

    @Inject
    Identities identities;

    @POST
    @Path("instance")
    @Operation(summary = "Verify a signed 'instance' (custom authentication): {\"instance\": \"<signature>.<data>\"} → its data")
    public Response instance(String body) {
        String instance = field(body, "instance");
        return identities.instance(instance).match(answer(Problems::invalidInstance));
    }

    @POST
    @Path("access-token")
    @Operation(summary = "Verify a Wix access token (Wix's current OAuth) at Wix: {\"token\": \"…\"} → instanceId, siteId, "
            + "subjectType, subjectId, expiresAt")
    public Response accessToken(String body) {
        String token = field(body, "token");
        return identities.accessToken(token).match(answer(Problems::invalidToken));
    }

    private static IdentityCheck.Cases<Response> answer(Supplier<Problem> invalid) {
        return new IdentityCheck.Cases<>() {
            @Override
            public Response verified(JsonObject identity) {
                return Response.ok(identity.toString()).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
            }

            @Override
            public Response invalid(String reason) {
                return invalid.get().toResponse();
            }

            @Override
            public Response malformed(String reason) {
                return Problems.invalidParameter(reason + ".").toResponse();
            }

            @Override
            public Response unavailable(Optional<Duration> retryAfter) {
                return Problems.wixUnavailable().toResponse(retryAfter.or(() -> Optional.of(RetryAfter.DEFAULT)));
            }
        };
    }

    /** The one string member of a small JSON body; its value is a secret of sorts and never quoted back. */
    private static String field(String body, String name) {
        if (body == null || body.length() > 32_768) {
            throw new InvalidApiParameter("The body must be a JSON object with the string member '" + name + "'.");
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonObject json = reader.readObject();
            if (json.get(name) instanceof JsonString value && !value.getString().isBlank()) {
                return value.getString();
            }
        } catch (JsonException | IllegalStateException notJson) {
            // answered below
        }
        throw new InvalidApiParameter("The body must be a JSON object with the string member '" + name + "'.");
    }
}
