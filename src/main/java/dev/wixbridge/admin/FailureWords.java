package dev.wixbridge.admin;

/**
 * A site's last failure as the row keeps it ({@code SITE_REFUSED:<code>}, {@code WIX_UNAVAILABLE (…)},
 * {@code REFRESH_UNCERTAIN (…)}, {@code REFRESH_REJECTED (…)}), in words an admin acts on.
 * A text of another shape is shown as it is.
 */
final class FailureWords {

    private FailureWords() {
    }

    static String of(String failure) {
        if (failure == null || failure.isBlank()) {
            return "";
        }
        if (failure.startsWith("SITE_REFUSED")) {
            String code = failure.startsWith("SITE_REFUSED:") ? " (Wix's code: " + failure.substring("SITE_REFUSED:".length()) + ")" : "";
            return "Wix refused tokens for this site" + code + "; it is asked again at most every 30 seconds.";
        }
        if (failure.startsWith("WIX_UNAVAILABLE")) {
            return "Wix could not be reached for a new token" + detail(failure, "WIX_UNAVAILABLE") + ".";
        }
        if (failure.startsWith("REFRESH_UNCERTAIN")) {
            return "Wix did not answer a token refresh in time, and may have rotated the refresh token.";
        }
        if (failure.startsWith("REFRESH_REJECTED")) {
            return "Wix rejected the refresh token" + detail(failure, "REFRESH_REJECTED") + ": the site owner must open the app again."
                    + (failure.contains("probably rotated") ? " Wix probably rotated it during an earlier refresh whose answer never came." : "");
        }
        return failure;
    }

    /** What stands in parentheses after the code, as " (…)", or nothing. */
    private static String detail(String failure, String code) {
        String rest = failure.substring(code.length()).strip();
        if (rest.startsWith("(")) {
            int close = rest.indexOf(')');
            return " (" + (close > 0 ? rest.substring(1, close) : rest.substring(1)) + ")";
        }
        return "";
    }
}
