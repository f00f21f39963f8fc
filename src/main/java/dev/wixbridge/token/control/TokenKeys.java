package dev.wixbridge.token.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import dev.wixbridge.platform.config.ConfigurationFault;
import dev.wixbridge.platform.config.DataDirectory;
import dev.wixbridge.platform.config.SandboxMode;
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
    static final String GENERATED_FOLDER = "keys";
    static final String GENERATED_FILE = "token-keys";
    private static final String FOLDER_PERMISSIONS = "rwx------";
    private static final String FILE_PERMISSIONS = "rw-------";

    private static final Logger LOG = Logger.getLogger(TokenKeys.class.getName());

    @Inject
    Config config;

    @Inject
    DataDirectory dataDirectory;

    private Map<String, SecretKey> keys = Map.of();
    private String currentId;
    /** Why the keys are unusable; null when they are fine. Read once, at start. */
    private String problem;

    /** Reads the keys at start-up, so a malformed setting shows in the log before any install. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        problem().ifPresent(why -> LOG.severe("Token keys unusable: " + why + ". Tokens can be neither sealed nor opened:"
                + " installs and the token API answer 503, and readiness is DOWN, until it is fixed."));
    }

    @PostConstruct
    void load() {
        try {
            parse(configured());
        } catch (IllegalStateException | UncheckedIOException e) {
            problem = e.getMessage();
        }
    }

    /** Why the keys cannot be used (names the setting or the file, never a key); empty when they can. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    private void requireUsable() {
        if (problem != null) {
            throw new ConfigurationFault("Token keys unusable: " + problem);
        }
    }

    private String configured() {
        if (SandboxMode.isActive(config)) {
            // a sandbox's tokens live in its in-memory database, sealed with a key that dies with it
            return "sandbox:" + Base64.getEncoder().encodeToString(newKey());
        }
        String configured = config.getOptionalValue(KEY, String.class).map(String::strip).orElse("");
        return configured.isEmpty() ? generatedKeys() : configured;
    }

    private static byte[] newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private void parse(String configured) {
        // Errors name an entry by its position only: an entry written the wrong way round
        // ("key:id") would otherwise put the key in the log.
        String[] entries = configured.split(",");
        Map<String, SecretKey> parsed = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            String position = KEY + ": entry " + (i + 1) + " of " + entries.length;
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException(position + " is not id:base64key (the list is comma separated)");
            }
            String id = entry.substring(0, colon);
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(position + ": the key after the colon is not base64 (id:base64key)");
            }
            if (key.length != 32) {
                throw new IllegalStateException(position + ": the key must be 32 bytes (AES-256), base64 encoded after the id");
            }
            if (parsed.putIfAbsent(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalStateException(position + " repeats the id of an earlier entry");
            }
        }
        keys = Map.copyOf(parsed);
        currentId = parsed.keySet().iterator().next();
        LOG.info(() -> "Tokens are sealed with key " + currentId + "; " + keys.size() + " key(s) can open them");
    }

    /** Every key's id, the sealing key's first: safe to show, unlike the keys. */
    public java.util.List<String> ids() {
        requireUsable();
        return java.util.List.copyOf(keys.keySet());
    }

    /** The id of the key that seals new values. */
    public String currentId() {
        requireUsable();
        return currentId;
    }

    SecretKey current() {
        requireUsable();
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
        requireUsable();
        return Optional.ofNullable(keys.get(id));
    }

    /**
     * The key generated on first start, in {@code {data.dir}/keys/} (folder 700, file 600), apart
     * from the database files so that a copy of those carries no key. A key file others may read
     * is refused: it may have leaked. A key an earlier release kept in {@code {data.dir}} itself
     * is moved there, so the tokens it sealed stay readable.
     */
    private String generatedKeys() {
        Path folder = dataDirectory.path().resolve(GENERATED_FOLDER);
        Path file = folder.resolve(GENERATED_FILE);
        LOG.warning(KEY + " is not set: tokens are sealed with a generated key kept in " + file
                + ". Production must configure " + KEY + " (environment variable WIX_TOKEN_KEYS).");
        try {
            createPrivateFolder(folder);
            Path earlier = dataDirectory.path().resolve(GENERATED_FILE);
            if (!Files.exists(file) && Files.isRegularFile(earlier)) {
                Files.move(earlier, file, StandardCopyOption.ATOMIC_MOVE);
                restrictToOwner(file);
                LOG.info(() -> "Moved the generated token key from " + earlier + " to " + file + " (owner only)");
            }
            if (!Files.exists(file)) {
                String line = "local-" + LocalDate.now() + ":" + Base64.getEncoder().encodeToString(newKey());
                try {
                    Files.createFile(file, ownerOnly(FILE_PERMISSIONS));
                    Files.writeString(file, line + "\n", StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException anotherServerWasFaster) {
                    // read theirs below
                } catch (UnsupportedOperationException notPosix) {
                    Files.writeString(file, line + "\n", StandardCharsets.US_ASCII);
                }
            }
            refuseIfOthersMayRead(file);
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a generated token key in " + file, e);
        }
    }

    private static void createPrivateFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Files.createDirectories(folder.getParent());
        try {
            Files.createDirectory(folder, ownerOnly(FOLDER_PERMISSIONS));
        } catch (FileAlreadyExistsException anotherServerWasFaster) {
            // theirs is as good
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(folder);
        }
    }

    private static void refuseIfOthersMayRead(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                throw new IllegalStateException("the token key file " + file + " may be read by others ("
                        + PosixFilePermissions.toString(permissions) + "): refused, since the key may have leaked. Make it "
                        + "readable by its owner only (chmod 600) if it has not, or configure " + KEY);
            }
        } catch (UnsupportedOperationException notPosix) {
            // no POSIX permissions to check on this file system
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(FILE_PERMISSIONS));
        } catch (UnsupportedOperationException notPosix) {
            // nothing to restrict
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
