package dev.wixbridge.wix;

/** What Wix said about the app instance an access token belongs to. */
public sealed interface InstanceLookup {

    record Found(String instanceId) implements InstanceLookup {
    }

    /** Wix refused the access token (401/403), or answered another 4xx. */
    record TokenRefused(int status) implements InstanceLookup {
    }

    record Unavailable(WixOutage outage) implements InstanceLookup {
    }
}
