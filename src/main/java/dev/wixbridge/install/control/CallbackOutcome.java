package dev.wixbridge.install.control;

import dev.wixbridge.wix.WixOutage;

/** What the Redirect URL tells the site owner. */
public sealed interface CallbackOutcome {

    /** The installation is stored; {@code accessToken} is what Wix's close-window page wants. */
    record Completed(String instanceId, String accessToken) implements CallbackOutcome {
        @Override
        public String toString() {
            return "Completed[" + instanceId + "]";
        }
    }

    record Refused(Refusal refusal) implements CallbackOutcome {
    }

    /** Wix did not answer usefully; reloading the page tries again. */
    record WixUnavailable(WixOutage outage) implements CallbackOutcome {
    }

    /** Wix refused our app id or secret: only the app's team can fix this. */
    record Misconfigured() implements CallbackOutcome {
    }
}
