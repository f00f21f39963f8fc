package dev.wixbridge.api;

import dev.wixbridge.installation.entity.InstanceIds;

/** Reads the path parameters every API resource shares, refusing what is malformed with a 400. */
public final class ApiParameters {

    private ApiParameters() {
    }

    /** The instance id in the stored spelling. */
    public static String instanceId(String value) {
        return InstanceIds.parse(value)
                .orElseThrow(() -> new InvalidApiParameter("instanceId must be a Wix instance id (a UUID)."));
    }
}
