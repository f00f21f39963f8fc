package dev.wixbridge.token.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What {@link AccessTokens#accessTokenFor(String)} can answer. */
public sealed interface AccessTokenResult {

    /** A token with more than the refresh skew of life left. {@code toString} hides it. */
    record Issued(String instanceId, String accessToken, Instant expiresAt) implements AccessTokenResult {
        @Override
        public String toString() {
            return "Issued[" + instanceId + ", expires " + expiresAt + "]";
        }
    }

    /** No installation with this instance id. */
    record UnknownSite() implements AccessTokenResult {
    }

    /** Wix refused the site's refresh token: the owner must open the app again. */
    record ReauthorizationRequired() implements AccessTokenResult {
    }

    /** The site was uninstalled; its tokens are gone. */
    record Uninstalled() implements AccessTokenResult {
    }

    /** Wix could not be asked right now; try again after {@code retryAfter} if given. */
    record WixUnavailable(Optional<Duration> retryAfter) implements AccessTokenResult {
    }

    /** Wix refuses our app id or secret: no site can get a token until the configuration is fixed. */
    record Misconfigured() implements AccessTokenResult {
    }
}
