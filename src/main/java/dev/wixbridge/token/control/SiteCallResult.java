package dev.wixbridge.token.control;

import java.time.Duration;
import java.util.Optional;

/** What became of a call to Wix on behalf of one site. Handled through {@link #match(Cases)}. */
public sealed interface SiteCallResult<T> {

    <R> R match(Cases<T, R> cases);

    /** Whether Wix refused the access token the call carried (401). */
    default boolean isTokenRejected() {
        return false;
    }

    interface Cases<T, R> {
        R completed(T body);

        /** No token could be had for the site: {@code reason} says why. */
        R noToken(AccessTokenResult reason);

        /** Wix refused the site's access token, even a fresh one. */
        R tokenRejected();

        /** Wix refused the call itself (a 4xx other than 401 and 429). */
        R refused(int status);

        R unavailable(Optional<Duration> retryAfter);
    }

    record Completed<T>(T body) implements SiteCallResult<T> {
        @Override
        public <R> R match(Cases<T, R> cases) {
            return cases.completed(body);
        }
    }

    record NoToken<T>(AccessTokenResult reason) implements SiteCallResult<T> {
        @Override
        public <R> R match(Cases<T, R> cases) {
            return cases.noToken(reason);
        }
    }

    record TokenRejected<T>() implements SiteCallResult<T> {
        @Override
        public <R> R match(Cases<T, R> cases) {
            return cases.tokenRejected();
        }

        @Override
        public boolean isTokenRejected() {
            return true;
        }
    }

    record Refused<T>(int status) implements SiteCallResult<T> {
        @Override
        public <R> R match(Cases<T, R> cases) {
            return cases.refused(status);
        }
    }

    record Unavailable<T>(Optional<Duration> retryAfter) implements SiteCallResult<T> {
        @Override
        public <R> R match(Cases<T, R> cases) {
            return cases.unavailable(retryAfter);
        }
    }
}
