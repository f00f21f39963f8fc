package dev.wixbridge.identity.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import dev.wixbridge.platform.security.SecureTokens;

/**
 * Checks the identities the team's dashboard pages pass on. A token's answer is remembered
 * until the token expires or for {@link #TOKEN_MEMORY}, whichever comes first, keyed by the
 * token's fingerprint (memory never holds the token itself).
 */
@ApplicationScoped
public class Identities {

    public static final String INSTANCE_MAX_AGE = "wix.instance-max-age-seconds";
    static final long DEFAULT_INSTANCE_MAX_AGE_SECONDS = 86_400;
    static final Duration TOKEN_MEMORY = Duration.ofSeconds(60);
    /** Beyond this many remembered answers, expired ones are dropped before another is kept. */
    private static final int MEMORY_SWEEP_AT = 10_000;

    @Inject
    WixIdentities wix;

    @Inject
    Config config;

    @Inject
    Clock clock;

    private final ConcurrentHashMap<String, Remembered> tokens = new ConcurrentHashMap<>();

    public IdentityCheck instance(String signedInstance) {
        return wix.instance(signedInstance, instanceMaxAge());
    }

    public IdentityCheck accessToken(String token) {
        String key = SecureTokens.fingerprint(token);
        Instant now = clock.instant();
        Remembered remembered = tokens.get(key);
        if (remembered != null && now.isBefore(remembered.until())) {
            return remembered.check();
        }
        WixIdentities.TokenIdentity inspected = wix.accessToken(token);
        Instant until = inspected.validUntil().isBefore(now.plus(TOKEN_MEMORY)) ? inspected.validUntil() : now.plus(TOKEN_MEMORY);
        boolean lasting = inspected.check().match(new IdentityCheck.Cases<Boolean>() {
            @Override
            public Boolean verified(jakarta.json.JsonObject identity) {
                return true;
            }

            @Override
            public Boolean invalid(String reason) {
                return true;
            }

            @Override
            public Boolean malformed(String reason) {
                return false;
            }

            @Override
            public Boolean unavailable(java.util.Optional<Duration> retryAfter) {
                return false;
            }
        });
        if (lasting && now.isBefore(until)) {
            if (tokens.size() >= MEMORY_SWEEP_AT) {
                tokens.values().removeIf(old -> !now.isBefore(old.until()));
            }
            tokens.put(key, new Remembered(inspected.check(), until));
        }
        return inspected.check();
    }

    private Duration instanceMaxAge() {
        try {
            long seconds = config.getOptionalValue(INSTANCE_MAX_AGE, Long.class).orElse(DEFAULT_INSTANCE_MAX_AGE_SECONDS);
            return Duration.ofSeconds(seconds > 0 ? seconds : DEFAULT_INSTANCE_MAX_AGE_SECONDS);
        } catch (IllegalArgumentException notANumber) {
            return Duration.ofSeconds(DEFAULT_INSTANCE_MAX_AGE_SECONDS);
        }
    }

    private record Remembered(IdentityCheck check, Instant until) {
    }
}
