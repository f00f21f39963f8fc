package dev.wixbridge.token.control;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.wixbridge.installation.control.Installations;

/** Keeps the grant of an install: sealed under the current key, in the caller's transaction when it has one. */
@ApplicationScoped
public class Grants {

    @Inject
    Installations installations;

    @Inject
    TokenCipher cipher;

    /** Stores the site's new grant (and its name, when Wix told it); the site is active from now on, whatever it was before. */
    public void store(String instanceId, Grant grant, Optional<String> siteName) {
        installations.storeGrant(instanceId, cipher.seal(instanceId, grant), grant.accessTokenExpiresAt(), siteName);
    }
}
