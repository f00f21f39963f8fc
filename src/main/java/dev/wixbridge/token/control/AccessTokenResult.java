package dev.wixbridge.token.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@link AccessTokens#accessTokenFor(String)} can answer. Handled through
 * {@link #match(Cases)}: Java 17 has no pattern switch, and a new kind of result must not
 * compile until every caller handles it.
 */
public sealed interface AccessTokenResult {

    <R> R match(Cases<R> cases);

    /** In words for a person (the admin page, the sandbox): never a class name. */
    String describe();

    /** The token, when this is one. */
    default Optional<Issued> issued() {
        return Optional.empty();
    }

    interface Cases<R> {
        R issued(Issued issued);

        R unknownSite();

        R reauthorizationRequired();

        R uninstalled();

        R wixUnavailable(Optional<Duration> retryAfter);

        R misconfigured();

        R siteRefused(Optional<String> wixCode);
    }

    /** A token with more than the refresh skew of life left. {@code toString} hides it. */
    record Issued(String instanceId, String accessToken, Instant expiresAt) implements AccessTokenResult {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.issued(this);
        }

        @Override
        public String describe() {
            return "a valid access token, expiring at " + expiresAt;
        }

        @Override
        public Optional<Issued> issued() {
            return Optional.of(this);
        }

        @Override
        public String toString() {
            return "Issued[" + instanceId + ", expires " + expiresAt + "]";
        }
    }

    /** No installation with this instance id. */
    record UnknownSite() implements AccessTokenResult {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.unknownSite();
        }

        @Override
        public String describe() {
            return "no such installation";
        }
    }

    /** Wix refused the site's grant: the owner must open the app again. */
    record ReauthorizationRequired() implements AccessTokenResult {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.reauthorizationRequired();
        }

        @Override
        public String describe() {
            return "Wix no longer accepts the site's grant; the site owner must open the app again";
        }
    }

    /** The site was uninstalled; its tokens are gone. */
    record Uninstalled() implements AccessTokenResult {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.uninstalled();
        }

        @Override
        public String describe() {
            return "the site uninstalled the app";
        }
    }

    /** Wix could not be asked right now; try again after {@code retryAfter} if given. */
    record WixUnavailable(Optional<Duration> retryAfter) implements AccessTokenResult {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.wixUnavailable(retryAfter);
        }

        @Override
        public String describe() {
            return "Wix is not answering right now; try again later";
        }
    }

    /** Wix will not issue a token for this site (client credentials); {@code wixCode} is Wix's error code, if any. */
    record SiteRefused(Optional<String> wixCode) implements AccessTokenResult {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.siteRefused(wixCode);
        }

        @Override
        public String describe() {
            return "Wix will not issue a token for this site" + wixCode.map(code -> " (" + code + ")").orElse("");
        }
    }

    /** Wix refuses our app id or secret: no site can get a token until the configuration is fixed. */
    record Misconfigured() implements AccessTokenResult {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.misconfigured();
        }

        @Override
        public String describe() {
            return "Wix refuses the app's id or secret; check the configuration";
        }
    }
}
