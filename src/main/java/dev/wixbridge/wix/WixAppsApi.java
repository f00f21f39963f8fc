package dev.wixbridge.wix;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/**
 * Wix's App Management API, called with a site's access token (raw, without "Bearer").
 * (No {@code @Path} on the interface: the server would take it for a resource of ours.)
 */
@RegisterProvider(WixErrorMapper.class)
public interface WixAppsApi {

    @GET
    @Path("/apps/v1/instance")
    @Produces(MediaType.APPLICATION_JSON)
    AppInstanceResponse instance(@HeaderParam(HttpHeaders.AUTHORIZATION) String accessToken);

    /** The same answer, as Wix wrote it. */
    @GET
    @Path("/apps/v1/instance")
    @Produces(MediaType.APPLICATION_JSON)
    String instanceJson(@HeaderParam(HttpHeaders.AUTHORIZATION) String accessToken);

    @POST
    @Path("/apps/v1/bi-event")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    String biEvent(@HeaderParam(HttpHeaders.AUTHORIZATION) String accessToken, BiEvent event);

    record BiEvent(String eventName) {
    }
}
