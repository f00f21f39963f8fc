package dev.wixbridge.identity.control;

import java.time.Duration;
import java.util.Optional;

import jakarta.json.JsonObject;

/** What came of checking an identity Wix gave a dashboard page. Handled through {@link #match(Cases)}. */
public sealed interface IdentityCheck {

    <R> R match(Cases<R> cases);

    interface Cases<R> {
        /** Verified: what Wix vouches for, as the API answers it. */
        R verified(JsonObject identity);

        /** Not Wix's (a signature that does not match, a stale one, another app's token, an inactive token): 401. */
        R invalid(String reason);

        /** Not of the form Wix gives: 400. */
        R malformed(String reason);

        /** Wix could not be asked: 503. */
        R unavailable(Optional<Duration> retryAfter);
    }

    record Verified(JsonObject identity) implements IdentityCheck {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.verified(identity);
        }
    }

    record Invalid(String reason) implements IdentityCheck {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.invalid(reason);
        }
    }

    record Malformed(String reason) implements IdentityCheck {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.malformed(reason);
        }
    }

    record Unavailable(Optional<Duration> retryAfter) implements IdentityCheck {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.unavailable(retryAfter);
        }
    }
}
