package dev.wixbridge.install.control;

import dev.wixbridge.installation.entity.WixSite;
import dev.wixbridge.token.control.Grant;

/**
 * The install's two questions to Wix, implemented in the {@code wix} package, answered in the
 * install's own terms: a failure comes back as the {@link CallbackOutcome} the owner gets.
 */
public interface CodeExchange {

    /** Trades the authorization code for the site's tokens: one attempt, since a code is single use. */
    Reply<Grant> exchange(String code);

    /** The site an access token belongs to, as Wix says. */
    Reply<WixSite> instanceOf(String accessToken);
}
