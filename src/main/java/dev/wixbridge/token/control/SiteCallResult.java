package dev.wixbridge.token.control;

import dev.wixbridge.wix.WixAnswer;

/** What became of a call to Wix on behalf of one site. */
public sealed interface SiteCallResult<T> {

    record Completed<T>(T body) implements SiteCallResult<T> {
    }

    /** No token could be had for the site: the reason says why. */
    record NoToken<T>(AccessTokenResult reason) implements SiteCallResult<T> {
    }

    /** Wix refused the call or was unavailable. */
    record WixFailed<T>(WixAnswer<T> answer) implements SiteCallResult<T> {
    }
}
