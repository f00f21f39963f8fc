package dev.wixbridge.wix;

/**
 * What happened in the attempts of one refresh. After a read timeout Wix may have acted on
 * our request (and rotated the refresh token) without our hearing of it: a "no" to the next
 * attempt then does not prove the site's grant is gone.
 */
final class RefreshAttempts {

    private boolean ambiguous;

    void answerLost() {
        ambiguous = true;
    }

    boolean ambiguous() {
        return ambiguous;
    }
}
