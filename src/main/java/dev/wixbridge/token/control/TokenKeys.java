package dev.wixbridge.token.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import dev.wixbridge.platform.config.DataDirectory;
import dev.wixbridge.platform.security.SecureTokens;

/**
 * The AES-256 keys that seal tokens at rest, from {@code wix.token-keys}: a comma-separated
 * list of {@code id:base64key}. The first key seals; every key opens, so keys can be rotated
 * by putting a new one first and keeping the old ones until everything is resealed.
 *
 * <p>With no key configured, the embedded default keeps a generated key in
 * {@code {data.dir}/token-keys} (owner-only permissions) and warns that production must
 * configure one.
 */
@ApplicationScoped
public class TokenKeys {

    public static final String KEY = "wix.token-keys";
    static final String GENERATED_FILE = "token-keys";

    private static final Logger LOG = Logger.getLogger(TokenKeys.class.getName());

    @Inject
    Config config;

    @Inject
    DataDirectory dataDirectory;

    private Map<String, SecretKey> keys;
    private String currentId;

    /** Reads the keys at start-up, so a malformed setting shows in the log before any install. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        try {
            currentId();
        } catch (RuntimeException e) {
            LOG.severe("Token keys unusable: " + e.getMessage());
        }
    }

    @PostConstruct
    void load() {
        String configured = config.getOptionalValue(KEY, String.class).map(String::strip).orElse("");
        if (configured.isEmpty()) {
            configured = generatedKeys();
        }
        Map<String, SecretKey> parsed = new LinkedHashMap<>();
        for (String entry : configured.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException(KEY + " must be a comma-separated list of id:base64key");
            }
            String id = trimmed.substring(0, colon);
            byte[] key;
            try {
                key = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(KEY + ": the key with id " + id + " is not base64");
            }
            if (key.length != 32) {
                throw new IllegalStateException(KEY + ": the key with id " + id + " must be 32 bytes (AES-256)");
            }
            if (parsed.putIfAbsent(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalStateException(KEY + ": key id " + id + " appears twice");
            }
        }
        keys = Map.copyOf(parsed);
        currentId = parsed.keySet().iterator().next();
        LOG.info(() -> "Tokens are sealed with key " + currentId + "; " + keys.size() + " key(s) can open them");
    }

    /** Every key's id, the sealing key's first: safe to show, unlike the keys. */
    public java.util.List<String> ids() {
        currentId();
        return java.util.List.copyOf(keys.keySet());
    }

    /** The id of the key that seals new values. */
    public String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    /**
     * A key for another purpose (e.g. signing the admin page's cookie), derived from the
     * current key, so every server sharing {@code wix.token-keys} derives the same one.
     */
    public byte[] derive(String purpose) {
        return SecureTokens.hmacSha256(current().getEncoded(), purpose);
    }

    /** Empty when {@code wix.token-keys} no longer holds the key. */
    Optional<SecretKey> byId(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    private String generatedKeys() {
        Path file = dataDirectory.path().resolve(GENERATED_FILE);
        LOG.warning(KEY + " is not set: tokens are sealed with a generated key kept in " + file
                + ". Production must configure " + KEY + " (environment variable WIX_TOKEN_KEYS).");
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                String line = "local-" + LocalDate.now() + ":" + Base64.getEncoder().encodeToString(key);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, line + "\n", StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException anotherServerWasFaster) {
                    // read theirs below
                } catch (UnsupportedOperationException notPosix) {
                    Files.writeString(file, line + "\n", StandardCharsets.US_ASCII);
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a generated token key in " + file, e);
        }
    }
}
