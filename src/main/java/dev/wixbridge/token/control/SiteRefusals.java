package dev.wixbridge.token.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.wixbridge.installation.entity.Installation;

/**
 * A site Wix refuses tokens for is asked again at most every {@link #QUIET} (on any server: the
 * refusal is kept in the row's last failure, with Wix's code), so a caller retrying in a loop
 * does not turn into a loop of calls to Wix.
 */
final class SiteRefusals {

    static final Duration QUIET = Duration.ofSeconds(30);

    private static final String PREFIX = "SITE_REFUSED";
    private static final int COLUMN = 64;

    private SiteRefusals() {
    }

    /** The last failure to record: {@code SITE_REFUSED} or {@code SITE_REFUSED:<code>}. */
    static String failure(Optional<String> wixCode) {
        String failure = wixCode.map(code -> PREFIX + ":" + code).orElse(PREFIX);
        return failure.length() <= COLUMN ? failure : failure.substring(0, COLUMN);
    }

    /** Wix's refusal still in force for the site at {@code now}, with its code; empty when Wix may be asked. */
    static Optional<AccessTokenResult.SiteRefused> recent(Installation installation, Instant now) {
        String failure = installation.lastFailure();
        Instant at = installation.lastFailureAt();
        if (failure == null || at == null || !failure.startsWith(PREFIX) || !now.isBefore(at.plus(QUIET))) {
            return Optional.empty();
        }
        Optional<String> code = failure.startsWith(PREFIX + ":") ? Optional.of(failure.substring(PREFIX.length() + 1))
                : Optional.empty();
        return Optional.of(new AccessTokenResult.SiteRefused(code));
    }
}
