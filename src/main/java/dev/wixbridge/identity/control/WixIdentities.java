package dev.wixbridge.identity.control;

import java.time.Duration;
import java.time.Instant;

/** The two identities Wix hands dashboard pages, checked the way Wix documents; implemented in the {@code wix} package. */
public interface WixIdentities {

    /**
     * A signed {@code instance} ({@code <signature>.<data>}, apps on custom authentication):
     * verified with the app secret, and no older than {@code maxAge}.
     */
    IdentityCheck instance(String signedInstance, Duration maxAge);

    /**
     * A Wix access token (apps on Wix's current OAuth), inspected at Wix. A verified answer
     * carries {@code expiresAt}, until when it may be remembered.
     */
    TokenIdentity accessToken(String token);

    /** An inspected token: the check, and until when its answer holds. */
    record TokenIdentity(IdentityCheck check, Instant validUntil) {
    }
}
