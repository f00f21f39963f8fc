package dev.wixbridge.wix;

/** The part of {@code GET /apps/v1/instance} the product reads. */
public record AppInstanceResponse(Instance instance, Site site) {

    public record Instance(String instanceId) {
    }

    public record Site(String siteDisplayName) {
    }

    /** The site's display name, when Wix gave one. */
    public String siteName() {
        return site == null ? null : site.siteDisplayName();
    }
}
