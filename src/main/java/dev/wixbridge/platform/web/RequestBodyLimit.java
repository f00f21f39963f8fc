package dev.wixbridge.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Every request body a resource reads is at most {@link #MAX_BYTES}: larger ones get {@code 413}
 * (a problem document for the API, a page for a browser) before any resource code runs, whether
 * announced by {@code Content-Length} or only found while reading. A body within the bound is
 * read into memory here (64 KiB at most) and handed on, so nothing later reads an unbounded stream.
 * Resources marked {@link OwnBodyLimit} bound their bodies themselves.
 */
@Provider
public class RequestBodyLimit implements ContainerRequestFilter {

    /** Far above any form or JSON body of the product's own. */
    public static final int MAX_BYTES = 64 * 1024;

    @Context
    ResourceInfo resource;

    /** The problem of a body over {@code limit} bytes, for this filter and for resources with their own bound. */
    public static Problem problem(long limit) {
        return new Problem("/problems/body-too-large", "Body too large", 413, "The request body is over " + limit + " bytes.");
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        if (type == null || type.isAnnotationPresent(OwnBodyLimit.class) || !request.hasEntity()) {
            return;
        }
        if (request.getLength() > MAX_BYTES) {
            request.abortWith(tooLarge(type));
            return;
        }
        InputStream body = request.getEntityStream();
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            request.abortWith(tooLarge(type));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(bytes));
    }

    private static Response tooLarge(Class<?> type) {
        // the server reads and drops the rest of the body, so the caller, still sending, gets this answer
        return type.isAnnotationPresent(BrowserFacing.class)
                ? new HtmlPage(Response.Status.REQUEST_ENTITY_TOO_LARGE, "Too much sent",
                        "What this page sent is larger than it can be.", "Go back and send it again.").toResponse()
                : problem(MAX_BYTES).toResponse();
    }
}
