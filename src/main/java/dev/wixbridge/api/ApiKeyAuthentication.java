package dev.wixbridge.api;

import java.io.IOException;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;

import dev.wixbridge.platform.web.Problem;

/**
 * Jakarta Security mechanism of the API: a valid {@code Authorization: Bearer <key>} logs the
 * caller in with the role {@link ApiRoles#API_CLIENT}; anything else on a protected path gets
 * {@code 401} as {@code application/problem+json}. Pages outside {@code /api} are left alone.
 */
@ApplicationScoped
public class ApiKeyAuthentication implements HttpAuthenticationMechanism {

    /** The name of this mechanism in the OpenAPI document. */
    public static final String OPENAPI_SCHEME = "api-key";

    /** The challenge of a {@code 401}, here and in {@link ApiRoleCheck}. */
    static final String CHALLENGE = "Bearer realm=\"wix-bridge\"";

    private static final String BEARER = "Bearer ";

    @Inject
    ApiKeys keys;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean bearer = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
        switch (keys.judge(bearer ? header.substring(BEARER.length()).strip() : null)) {
            case ACCEPTED:
                return context.notifyContainerAboutLogin(new CallerPrincipal("api-client"), Set.of(ApiRoles.API_CLIENT));
            case KEYS_REFUSED:
                return refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, Problems.apiKeysRefused());
            default:
                break;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        return refuse(response, HttpServletResponse.SC_UNAUTHORIZED, Problems.UNAUTHORIZED);
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, int status, Problem problem) {
        try {
            response.setStatus(status);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setContentType(Problem.MEDIA_TYPE);
            response.getWriter().write(problem.toJson());
            // Committed now, so no server replaces it with an HTML error page of its own.
            response.flushBuffer();
        } catch (IOException e) {
            // the caller went away; nothing more to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
