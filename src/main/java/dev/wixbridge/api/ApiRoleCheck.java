package dev.wixbridge.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The API's second lock, independent of the first: web.xml maps the key filter
 * ({@link ApiKeyAuthentication}) to {@code /api/*}, matched on the request's URL by the server,
 * and a URL the server reads differently from JAX-RS ({@code //api}, {@code /%61pi}, path
 * parameters, dot segments) could slip past it. This check sits on the
 * resources themselves, so whatever URL reached one, a caller the key filter did not pass on in
 * the role {@link ApiRoles#API_CLIENT} gets the same {@code 401} as at the door.
 *
 * <p>It costs one role lookup on the request: the key itself was checked once, by
 * {@link ApiKeyAuthentication}.
 */
@Provider
@ApiClientsOnly
@Priority(Priorities.AUTHORIZATION)
public class ApiRoleCheck implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getSecurityContext().isUserInRole(ApiRoles.API_CLIENT)) {
            request.abortWith(Response.fromResponse(Problems.UNAUTHORIZED.toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, ApiKeyAuthentication.CHALLENGE)
                    .build());
        }
    }
}
