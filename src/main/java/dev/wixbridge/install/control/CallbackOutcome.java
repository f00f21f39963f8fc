package dev.wixbridge.install.control;

import java.time.Duration;
import java.util.Optional;

import dev.wixbridge.install.entity.Refusal;

/** What the Redirect URL tells the site owner. Handled through {@link #match(Cases)}. */
public sealed interface CallbackOutcome {

    <R> R match(Cases<R> cases);

    /** Why the install was refused for good, when it was. */
    default Optional<Refusal> refusal() {
        return Optional.empty();
    }

    interface Cases<R> {
        R completed(String instanceId, String accessToken);

        R refused(Refusal refusal);

        R wixUnavailable(boolean unreadableAnswer, Optional<Duration> retryAfter);

        R misconfigured();

        /** A finished install link loaded again, not by the browser that finished it lately: no token. */
        R alreadyInstalled();

        /**
         * Not now: this callback is being finished by another request ({@code inProgress}), or more
         * installs wait on Wix than we let at once. Reloading soon gets the real outcome.
         */
        R tryAgainShortly(boolean inProgress);
    }

    record TryAgainShortly(boolean inProgress) implements CallbackOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.tryAgainShortly(inProgress);
        }
    }

    record AlreadyInstalled() implements CallbackOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.alreadyInstalled();
        }
    }

    /** The installation is stored; {@code accessToken} is what Wix's close-window page wants. */
    record Completed(String instanceId, String accessToken) implements CallbackOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.completed(instanceId, accessToken);
        }

        @Override
        public String toString() {
            return "Completed[" + instanceId + "]";
        }
    }

    record Refused(Refusal reason) implements CallbackOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.refused(reason);
        }

        @Override
        public Optional<Refusal> refusal() {
            return Optional.of(reason);
        }
    }

    /**
     * Wix did not answer usefully; reloading the page tries again.
     *
     * @param unreadableAnswer Wix answered, but not as documented (a bad gateway rather than an outage)
     */
    record WixUnavailable(boolean unreadableAnswer, Optional<Duration> retryAfter) implements CallbackOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.wixUnavailable(unreadableAnswer, retryAfter);
        }
    }

    /** Wix refused our app id or secret: only the app's team can fix this. */
    record Misconfigured() implements CallbackOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.misconfigured();
        }
    }
}
