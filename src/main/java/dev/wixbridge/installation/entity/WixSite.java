package dev.wixbridge.installation.entity;

import java.util.Optional;

/**
 * Which site Wix says an access token belongs to ({@code GET /apps/v1/instance}): its instance id,
 * and the site's display name when Wix gave one (shown to admins, never trusted for anything).
 */
public record WixSite(String instanceId, Optional<String> name) {

    /** The longest name kept (the column's size); longer ones are cut. */
    public static final int NAME_LENGTH = 256;

    public WixSite {
        name = name.map(String::strip).filter(text -> !text.isEmpty())
                .map(text -> text.length() > NAME_LENGTH ? text.substring(0, NAME_LENGTH) : text);
    }

    public static WixSite of(String instanceId, String name) {
        return new WixSite(instanceId, Optional.ofNullable(name));
    }
}
