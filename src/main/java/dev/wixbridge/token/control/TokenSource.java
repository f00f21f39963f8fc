package dev.wixbridge.token.control;

/**
 * Where new access tokens come from: one implementation per way Wix issues them (today the
 * refresh token of the install handshake). Implementations live in the {@code wix} package
 * and answer in this package's types, never in Wix's.
 */
public interface TokenSource {

    /**
     * New tokens for the site.
     *
     * @param refreshToken the site's stored refresh token
     */
    Renewal renew(String instanceId, String refreshToken);
}
