package dev.wixbridge.proxy.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.wixbridge.api.ApiClientsOnly;
import dev.wixbridge.api.ApiKeyAuthentication;
import dev.wixbridge.api.ApiParameters;
import dev.wixbridge.api.InvalidApiParameter;
import dev.wixbridge.api.Problems;
import dev.wixbridge.platform.web.OwnBodyLimit;
import dev.wixbridge.platform.web.Problem;
import dev.wixbridge.platform.web.RetryAfter;
import dev.wixbridge.proxy.control.ProxyPath;
import dev.wixbridge.proxy.control.ProxyResult;
import dev.wixbridge.proxy.control.ProxySettings;
import dev.wixbridge.proxy.control.RequestBody;
import dev.wixbridge.proxy.control.WixAnswer;
import dev.wixbridge.proxy.control.WixProxy;
import dev.wixbridge.token.boundary.TokenProblems;
import dev.wixbridge.token.boundary.WixAppRequired;
import dev.wixbridge.token.control.AccessTokenResult;

/**
 * Wix's API on behalf of a site, for the team's other software (API clients only, see web.xml):
 * {@code /api/installations/{instanceId}/wix/{path}} is sent to {@code {wix.api-url}/{path}} with
 * the site's access token, and Wix's answer comes back as it is, streamed. The caller never holds
 * a token. One instance serves every call: the request comes in as parameters.
 */
@ApiClientsOnly
@Path("api/installations/{instanceId}/wix/{path: .+}")
@OwnBodyLimit
@Tag(name = "installations")
@SecurityRequirement(name = ApiKeyAuthentication.OPENAPI_SCHEME)
@WixAppRequired
@APIResponse(responseCode = "200", description = "Wix's answer, any status, with its headers (less cookies and hop-by-hop headers) and body")
@APIResponse(responseCode = "400", description = "A malformed instance id, or a path that is not a path on Wix's API host "
        + "(type /problems/invalid-parameter)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "Missing or invalid API key (type /problems/unauthorized)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown site (type /problems/unknown-installation)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "The site owner must open the app again "
        + "(type /problems/reauthorization-required), or the site uninstalled it (type /problems/uninstalled)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "413", description = "The body is over wix.proxy.max-body (type /problems/body-too-large)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "504", description = "Wix unreachable or slower than wix.proxy.timeout "
        + "(type /problems/wix-unavailable, with Retry-After)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApplicationScoped
public class WixProxyResource {

    @Inject
    WixProxy proxy;

    @Inject
    ProxySettings settings;

    /** A body on GET is not passed on (nor is one on HEAD): HTTP gives it no meaning. */
    @GET
    @Operation(summary = "GET on Wix's API for the site")
    public Response get(@PathParam("instanceId") String instanceId,
            @Context HttpServletRequest request, @Context HttpHeaders headers) {
        return forward("GET", instanceId, null, request, headers);
    }

    @HEAD
    @Operation(summary = "HEAD on Wix's API for the site")
    public Response head(@PathParam("instanceId") String instanceId,
            @Context HttpServletRequest request, @Context HttpHeaders headers) {
        return forward("HEAD", instanceId, null, request, headers);
    }

    @POST
    @Operation(summary = "POST to Wix's API for the site")
    public Response post(@PathParam("instanceId") String instanceId, InputStream body,
            @Context HttpServletRequest request, @Context HttpHeaders headers) {
        return forward("POST", instanceId, body, request, headers);
    }

    @PUT
    @Operation(summary = "PUT to Wix's API for the site")
    public Response put(@PathParam("instanceId") String instanceId, InputStream body,
            @Context HttpServletRequest request, @Context HttpHeaders headers) {
        return forward("PUT", instanceId, body, request, headers);
    }

    @PATCH
    @Operation(summary = "PATCH on Wix's API for the site")
    public Response patch(@PathParam("instanceId") String instanceId, InputStream body,
            @Context HttpServletRequest request, @Context HttpHeaders headers) {
        return forward("PATCH", instanceId, body, request, headers);
    }

    @DELETE
    @Operation(summary = "DELETE on Wix's API for the site")
    public Response delete(@PathParam("instanceId") String instanceId, InputStream body,
            @Context HttpServletRequest request, @Context HttpHeaders headers) {
        return forward("DELETE", instanceId, body, request, headers);
    }

    /** @param entity the request's body as it arrives (null for GET and HEAD) */
    private Response forward(String method, String instanceId, InputStream entity, HttpServletRequest request,
            HttpHeaders headers) {
        String id = ApiParameters.instanceId(instanceId);
        ProxyPath path;
        String query;
        try {
            path = ProxyPath.of(request.getRequestURI(), request.getContextPath());
            query = ProxyPath.query(request.getQueryString());
        } catch (IllegalArgumentException refused) {
            throw new InvalidApiParameter(refused.getMessage());
        }
        long maxBody = settings.maxBody();
        if (request.getContentLengthLong() > maxBody) {
            return Problems.bodyTooLarge(maxBody).toResponse();
        }
        RequestBody body;
        try {
            body = entity == null ? RequestBody.empty() : RequestBody.read(entity, maxBody);
        } catch (RequestBody.TooLarge tooLarge) {
            return Problems.bodyTooLarge(tooLarge.limit()).toResponse();
        } catch (IOException callerGone) {
            throw new InvalidApiParameter("The request body could not be read to its end.");
        }
        try (body) {
            return proxy.forward(id, method, path, query, headers.getRequestHeaders(), body)
                    .match(answerFor(method, id));
        } catch (IllegalArgumentException unsendable) {
            throw new InvalidApiParameter(unsendable.getMessage());
        }
    }

    private static ProxyResult.Cases<Response> answerFor(String method, String instanceId) {
        return new ProxyResult.Cases<>() {
            @Override
            public Response answered(WixAnswer answer) {
                Response.ResponseBuilder response = Response.status(answer.status());
                answer.headers().forEach((name, values) -> values.forEach(value -> response.header(name, value)));
                if (method.equals("HEAD") || answer.status() == 204 || answer.status() == 304) {
                    answer.close();
                    return response.build();
                }
                return response.entity((StreamingOutput) out -> {
                    try (answer; InputStream in = answer.body()) {
                        in.transferTo(out);
                    }
                }).build();
            }

            @Override
            public Response noToken(AccessTokenResult reason) {
                return reason.match(TokenProblems.forToken(instanceId, issued -> {
                    throw new IllegalStateException("a proxied call without a token had one");
                }, Problems.wixTimedOut()));
            }

            @Override
            public Response unreachable() {
                return Problems.wixTimedOut().toResponse(Optional.of(RetryAfter.DEFAULT));
            }
        };
    }
}
