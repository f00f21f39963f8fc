package dev.wixbridge.api;

import java.io.IOException;
import java.security.Principal;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;

import dev.wixbridge.platform.web.Problem;

/**
 * The API's first lock, a servlet filter on {@code /api/*} ({@code web.xml}): a valid
 * {@code Authorization: Bearer <key>} passes the request on as a caller in the role
 * {@link ApiRoles#API_CLIENT}; anything else gets {@code 401} as {@code application/problem+json}
 * ({@code 503} while {@code api.keys} itself is refused). {@link ApiRoleCheck}, on the resources,
 * is the second.
 *
 * <p>A filter rather than a Jakarta Security mechanism: the key check is one digest and a hash
 * lookup ({@link ApiKeys#judge}), where the server's security layer (a login per request, a
 * subject, role mapping, a permission check) cost a fifth of a token request's CPU.
 */
public class ApiKeyAuthentication extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The name of this mechanism in the OpenAPI document. */
    public static final String OPENAPI_SCHEME = "api-key";

    /** The challenge of a {@code 401}, here and in {@link ApiRoleCheck}. */
    static final String CHALLENGE = "Bearer realm=\"wix-bridge\"";

    private static final String BEARER = "Bearer ";

    @Inject
    transient ApiKeys keys;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean bearer = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
        switch (keys.judge(bearer ? header.substring(BEARER.length()).strip() : null)) {
            case ACCEPTED:
                chain.doFilter(new ApiClientRequest(request), response);
                return;
            case KEYS_REFUSED:
                refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, Problems.apiKeysRefused());
                return;
            default:
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
                refuse(response, HttpServletResponse.SC_UNAUTHORIZED, Problems.UNAUTHORIZED);
        }
    }

    private static void refuse(HttpServletResponse response, int status, Problem problem) throws IOException {
        response.setStatus(status);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(Problem.MEDIA_TYPE);
        response.getWriter().write(problem.toJson());
    }

    /** The request of a caller whose key was accepted: in the role {@link ApiRoles#API_CLIENT}, and only that. */
    private static final class ApiClientRequest extends HttpServletRequestWrapper {

        private static final Principal CALLER = () -> ApiRoles.API_CLIENT;

        ApiClientRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public boolean isUserInRole(String role) {
            return ApiRoles.API_CLIENT.equals(role);
        }

        @Override
        public Principal getUserPrincipal() {
            return CALLER;
        }

        @Override
        public String getRemoteUser() {
            return CALLER.getName();
        }

        @Override
        public String getAuthType() {
            return "Bearer";
        }
    }
}
