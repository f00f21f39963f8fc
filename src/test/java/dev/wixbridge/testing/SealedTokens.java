package dev.wixbridge.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token keys the servers under test are configured with, and an independent reading of
 * the sealed format (AES-256-GCM, 12-byte nonce first, "instanceId/kind" as associated data),
 * so tests can check what the database really holds.
 */
public final class SealedTokens {

    public static final String FIRST_KEY_ID = "it-1";
    public static final String FIRST_KEY = randomKey();
    public static final String SECOND_KEY_ID = "it-2";
    public static final String SECOND_KEY = randomKey();

    private static final Map<String, String> KEYS = Map.of(FIRST_KEY_ID, FIRST_KEY, SECOND_KEY_ID, SECOND_KEY);

    private SealedTokens() {
    }

    public static String open(Map<String, Object> installationRow, String kind) {
        String keyId = (String) installationRow.get("token_key_id");
        String sealed = (String) installationRow.get(kind + "_token_sealed");
        String instanceId = (String) installationRow.get("instance_id");
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(KEYS.get(keyId)), "AES"),
                    new GCMParameterSpec(128, bytes, 0, 12));
            cipher.updateAAD((instanceId + "/" + kind).getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new AssertionError("sealed " + kind + " token of " + instanceId + " does not open", e);
        }
    }

    /** Seals a token as the server does, under the first key: for tests that write rows themselves. */
    public static String seal(String instanceId, String kind, String plain) {
        try {
            byte[] nonce = new byte[12];
            new SecureRandom().nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(FIRST_KEY), "AES"),
                    new GCMParameterSpec(128, nonce));
            cipher.updateAAD((instanceId + "/" + kind).getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] all = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, all, 0, nonce.length);
            System.arraycopy(sealed, 0, all, nonce.length, sealed.length);
            return Base64.getEncoder().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
