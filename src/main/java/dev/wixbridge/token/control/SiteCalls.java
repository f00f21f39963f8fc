package dev.wixbridge.token.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Calls Wix for a site with a valid access token. A token Wix refuses with 401 although we
 * still thought it good (revoked, clock skew) is replaced once and the call tried once more.
 */
@ApplicationScoped
public class SiteCalls {

    /** One call to Wix with the site's access token; implemented in the {@code wix} package. */
    @FunctionalInterface
    public interface SiteCall<T> {
        SiteCallResult<T> with(String accessToken);
    }

    @Inject
    AccessTokens tokens;

    public <T> SiteCallResult<T> call(String instanceId, SiteCall<T> call) {
        AccessTokenResult token = tokens.accessTokenFor(instanceId);
        if (token.issued().isEmpty()) {
            return new SiteCallResult.NoToken<>(token);
        }
        String accessToken = token.issued().get().accessToken();
        SiteCallResult<T> result = call.with(accessToken);
        if (!result.isTokenRejected()) {
            return result;
        }
        AccessTokenResult replacement = tokens.replaceRejected(instanceId, accessToken);
        return replacement.issued().<SiteCallResult<T>>map(fresh -> call.with(fresh.accessToken()))
                .orElseGet(() -> new SiteCallResult.NoToken<>(replacement));
    }
}
