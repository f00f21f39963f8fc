package dev.wixbridge.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import dev.wixbridge.platform.security.SecureTokens;
import dev.wixbridge.wix.WixSettings;

/**
 * The API keys callers present as {@code Authorization: Bearer <key>}: {@code api.keys},
 * comma separated so a new key can be added before the old one is removed. With none
 * configured, every API call is refused. In sandbox mode, and only there, one more key is
 * generated at start and shown on the home page, so a newcomer can open {@code /admin} and
 * call the API without configuring anything; a deployment talking to the real Wix never has it.
 */
@ApplicationScoped
public class ApiKeys {

    public static final String KEY = "api.keys";

    private static final Logger LOG = Logger.getLogger(ApiKeys.class.getName());
    /** 32 characters: about 190 bits as base64, out of any guesser's reach even without the throttle. */
    static final int SHORTEST_KEY = 32;

    @Inject
    Config config;

    @Inject
    WixSettings settings;

    /** Chosen once at start: the sandbox is on or off for the deployment's whole life. */
    private volatile Optional<String> sandboxKey = Optional.empty();

    /** The last value of {@code api.keys} read, parsed ({@link #listed()}). */
    private volatile Listed last;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (settings.sandboxActive()) {
            String key = "sandbox-" + SecureTokens.newToken();
            sandboxKey = Optional.of(key);
            last = null; // digested again, with the sandbox key
            // a sandbox key opens nothing but the sandbox's demo data, and a newcomer needs to read it
            LOG.info("Sandbox mode: the API key of this run is " + key + " (also on the home page).");
        }
        if (listed().keys().isEmpty() && sandboxKey.isEmpty()) {
            LOG.warning(KEY + " is not set (environment variable API_KEYS): the API under /api refuses every call.");
        }
        problem().ifPresent(why -> LOG.severe("Configuration problem: " + why + ". The API under /api answers 503 and"
                + " the admin page lets no one in until it is fixed."));
    }

    /**
     * Why {@code api.keys} is refused: an entry shorter than {@link #SHORTEST_KEY} characters, named
     * by its position (never quoted). Then no key opens the API, not even the long ones: a short key
     * in the list is a mistake to fix, not a secret to accept.
     */
    public Optional<String> problem() {
        return listed().problem();
    }

    private static Optional<String> problem(List<String> keys) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).length() < SHORTEST_KEY) {
                return Optional.of(KEY + ": entry " + (i + 1) + " of " + keys.size() + " is shorter than " + SHORTEST_KEY
                        + " characters; use long random keys (e.g. openssl rand -base64 32)");
            }
        }
        return Optional.empty();
    }

    /** What a presented key is worth; {@link #KEYS_REFUSED} whatever it is while {@code api.keys} is refused. */
    public enum Verdict {
        ACCEPTED, REFUSED, KEYS_REFUSED
    }

    /**
     * Judges {@code presented} (null when the caller sent none): one SHA-256 digest and a hash
     * lookup among the digests of the listed keys. A lookup by digest tells a guesser nothing
     * about how close a guess was (nearby keys have unrelated digests), so it needs no
     * constant-time comparison.
     */
    public Verdict judge(String presented) {
        Listed listed = listed();
        if (listed.problem().isPresent()) {
            return Verdict.KEYS_REFUSED;
        }
        if (presented == null) {
            return Verdict.REFUSED;
        }
        return listed.digests().contains(ByteBuffer.wrap(digest(presented))) ? Verdict.ACCEPTED : Verdict.REFUSED;
    }

    /**
     * Whether a key that {@code matches} is still listed (or is this run's sandbox key): a login
     * opened with a key ends when the key leaves {@code api.keys}.
     */
    public boolean isListed(Predicate<String> matches) {
        Listed listed = listed();
        return listed.problem().isEmpty() && (listed.keys().stream().anyMatch(matches) || sandboxKey.filter(matches).isPresent());
    }

    /** The generated key of sandbox mode; empty in any other. */
    public Optional<String> sandboxKey() {
        return sandboxKey;
    }

    /**
     * {@code api.keys} as configured now, parsed and digested once per value: the value is read on
     * every call (a key removed from a dynamic config source takes effect at once), the digests
     * are built again only when it changed.
     */
    private Listed listed() {
        String value = config.getOptionalValue(KEY, String.class).orElse("");
        Listed last = this.last;
        if (last == null || !last.value().equals(value)) {
            List<String> keys = Arrays.stream(value.split(",")).map(String::strip).filter(key -> !key.isEmpty()).toList();
            Set<ByteBuffer> digests = new HashSet<>();
            keys.forEach(key -> digests.add(ByteBuffer.wrap(digest(key))));
            sandboxKey.ifPresent(key -> digests.add(ByteBuffer.wrap(digest(key))));
            last = new Listed(value, keys, Set.copyOf(digests), problem(keys));
            this.last = last;
        }
        return last;
    }

    /** One value of {@code api.keys}: its keys, their digests (and the sandbox key's), and what is wrong with it. */
    private record Listed(String value, List<String> keys, Set<ByteBuffer> digests, Optional<String> problem) {
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
