package dev.wixbridge.wix;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/**
 * Wix's token endpoints: {@code POST {wix.api-url}/oauth/access} (custom authentication: code
 * and refresh grants) and {@code POST {wix.api-url}/oauth2/token} (client credentials).
 * (No {@code @Path} on the interface: the server would take it for a resource of ours.)
 */
@RegisterProvider(WixErrorMapper.class)
public interface WixOAuthApi {

    @POST
    @Path("/oauth/access")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    AccessTokenResponse access(AccessTokenRequest request);

    @POST
    @Path("/oauth2/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    AccessTokenResponse token(ClientCredentialsRequest request);

    /** What Wix says about an access token (a dashboard page's, on Wix's current OAuth). */
    @POST
    @Path("/oauth2/token-info")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    TokenInfo.Response tokenInfo(TokenInfo.Request request);
}
