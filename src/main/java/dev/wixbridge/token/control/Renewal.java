package dev.wixbridge.token.control;

import java.time.Duration;
import java.util.Optional;

/** What a {@link TokenSource} answered. Handled through {@link #match(Cases)}, so no case can be forgotten. */
public sealed interface Renewal {

    <R> R match(Cases<R> cases);

    /** One method per kind of answer: a new kind does not compile until every caller handles it. */
    interface Cases<R> {
        R granted(Grant grant);

        R grantRefused(String detail);

        R credentialsRefused();

        R siteRefused(Optional<String> wixCode);

        R unavailable(String cause, Optional<Duration> retryAfter);

        R uncertain();
    }

    /**
     * The refresh went out but no answer came within {@code wix.refresh-completion-ms}: Wix may have
     * carried it out and rotated the refresh token. Never sent again with the same refresh token.
     */
    record Uncertain() implements Renewal {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.uncertain();
        }
    }

    /** Wix issued tokens; the refresh token is the one to keep (rotated or not). */
    record Granted(Grant grant) implements Renewal {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.granted(grant);
        }
    }

    /** Wix refuses the site's grant for good: only the site owner can renew it. */
    record GrantRefused(String detail) implements Renewal {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.grantRefused(detail);
        }
    }

    /** Wix refuses our app id or secret: the admin's to fix, not the site's fault. */
    record CredentialsRefused() implements Renewal {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.credentialsRefused();
        }
    }

    /**
     * Wix will not issue a token for this site (client credentials), e.g. the app is not
     * installed there; {@code wixCode} is Wix's error code when it gave one.
     */
    record SiteRefused(Optional<String> wixCode) implements Renewal {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.siteRefused(wixCode);
        }
    }

    /**
     * No usable answer now; asking later may work. {@code cause} is for an admin's eyes
     * ({@code TIMEOUT}, {@code DOWN}).
     */
    record Unavailable(String cause, Optional<Duration> retryAfter) implements Renewal {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.unavailable(cause, retryAfter);
        }
    }
}
