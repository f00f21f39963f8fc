package dev.wixbridge.token.control;

import java.util.Optional;

import dev.wixbridge.installation.entity.WixSite;

/**
 * Where new access tokens come from, as the app's auth mode says: the refresh token of the
 * install handshake (custom authentication), or client credentials (Wix's current OAuth).
 * Implemented in the {@code wix} package, answering in this package's types, never in Wix's.
 */
public interface TokenSource {

    /**
     * Whether tokens come from the site's refresh token: then a site without one, or waiting for
     * its owner's re-authorization, gets none until the owner installs again.
     */
    boolean usesRefreshTokens();

    /**
     * New tokens for the site.
     *
     * @param refreshToken the site's stored refresh token, if it has one (unused by client credentials)
     */
    Renewal renew(String instanceId, Optional<String> refreshToken);

    /** Which site Wix says an access token belongs to (its instance id, and its name when Wix gives it). */
    SiteCallResult<WixSite> siteOf(String accessToken);
}
