package dev.wixbridge.token.control;

/** Why a token is wanted from the database or Wix rather than from memory. */
public sealed interface RefreshReason {

    /** Whether the token stored for the site may be handed out instead of asking Wix. */
    boolean accepts(String storedAccessToken);

    /** Nothing in memory: the stored token will do while it is fresh. */
    record NotInMemory() implements RefreshReason {
        @Override
        public boolean accepts(String storedAccessToken) {
            return true;
        }
    }

    /**
     * Wix refused {@code token} (401) before it expired: any other stored token will do (another
     * caller may have replaced it already), this one never.
     */
    record Rejected(String token) implements RefreshReason {
        @Override
        public boolean accepts(String storedAccessToken) {
            return !storedAccessToken.equals(token);
        }

        @Override
        public String toString() {
            return "Rejected[token hidden]";
        }
    }

    /** An admin's re-check: ask Wix now, whatever is stored. */
    record Recheck() implements RefreshReason {
        @Override
        public boolean accepts(String storedAccessToken) {
            return false;
        }
    }
}
