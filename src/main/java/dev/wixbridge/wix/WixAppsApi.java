package dev.wixbridge.wix;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/** Wix's App Management API, called with a site's access token (raw, without "Bearer"). */
@RegisterProvider(WixErrorMapper.class)
public interface WixAppsApi {

    @GET
    @Path("/apps/v1/instance")
    @Produces(MediaType.APPLICATION_JSON)
    AppInstanceResponse instance(@HeaderParam(HttpHeaders.AUTHORIZATION) String accessToken);
}
