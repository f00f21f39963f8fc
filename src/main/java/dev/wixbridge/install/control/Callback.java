package dev.wixbridge.install.control;

import java.util.Optional;

/**
 * What Wix brought back to the Redirect URL, checked for form by the boundary.
 *
 * @param browserId the browser's install cookie, empty if the browser sent none
 */
public record Callback(String state, String code, String instanceId, Optional<String> browserId) {

    /** The state, the code and the cookie are secrets: never print them. */
    @Override
    public String toString() {
        return "Callback[" + instanceId + "]";
    }
}
