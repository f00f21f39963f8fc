package dev.wixbridge.token.control;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.wixbridge.wix.WixAnswer;

/**
 * Calls Wix for a site with a valid access token. A token Wix refuses with 401 although we
 * still thought it good (revoked, clock skew) is replaced once and the call tried once more.
 */
@ApplicationScoped
public class SiteCalls {

    @Inject
    AccessTokens tokens;

    public <T> SiteCallResult<T> call(String instanceId, Function<String, WixAnswer<T>> call) {
        AccessTokenResult token = tokens.accessTokenFor(instanceId);
        if (!(token instanceof AccessTokenResult.Issued issued)) {
            return new SiteCallResult.NoToken<>(token);
        }
        WixAnswer<T> answer = call.apply(issued.accessToken());
        if (answer instanceof WixAnswer.TokenRejected<T>) {
            AccessTokenResult fresh = tokens.replaceRejected(instanceId, issued.accessToken());
            if (!(fresh instanceof AccessTokenResult.Issued replacement)) {
                return new SiteCallResult.NoToken<>(fresh);
            }
            answer = call.apply(replacement.accessToken());
        }
        if (answer instanceof WixAnswer.Answered<T> answered) {
            return new SiteCallResult.Completed<>(answered.body());
        }
        return new SiteCallResult.WixFailed<>(answer);
    }
}
