package dev.wixbridge.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (settings.sandboxActive()) {
            String key = "sandbox-" + SecureTokens.newToken();
            sandboxKey = Optional.of(key);
            // a sandbox key opens nothing but the sandbox's demo data, and a newcomer needs to read it
            LOG.info("Sandbox mode: the API key of this run is " + key + " (also on the home page).");
        }
        List<String> keys = configured();
        if (keys.isEmpty() && sandboxKey.isEmpty()) {
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
        return problem(configured());
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
     * Judges {@code presented} (null when the caller sent none), reading {@code api.keys} once.
     * Compares digests in constant time, and always compares with every key, so timing tells
     * nothing about how close a guess was.
     */
    public Verdict judge(String presented) {
        List<String> keys = configured();
        if (problem(keys).isPresent()) {
            return Verdict.KEYS_REFUSED;
        }
        if (presented == null) {
            return Verdict.REFUSED;
        }
        byte[] candidate = digest(presented);
        boolean match = false;
        for (String key : keys) {
            match |= MessageDigest.isEqual(candidate, digest(key));
        }
        if (sandboxKey.isPresent()) {
            match |= MessageDigest.isEqual(candidate, digest(sandboxKey.get()));
        }
        return match ? Verdict.ACCEPTED : Verdict.REFUSED;
    }

    /**
     * Whether a key that {@code matches} is still listed (or is this run's sandbox key): a login
     * opened with a key ends when the key leaves {@code api.keys}.
     */
    public boolean isListed(Predicate<String> matches) {
        List<String> keys = configured();
        return problem(keys).isEmpty() && (keys.stream().anyMatch(matches) || sandboxKey.filter(matches).isPresent());
    }

    /** The generated key of sandbox mode; empty in any other. */
    public Optional<String> sandboxKey() {
        return sandboxKey;
    }

    private List<String> configured() {
        return config.getOptionalValue(KEY, String.class)
                .map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(key -> !key.isEmpty()).toList())
                .orElse(List.of());
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
