package dev.wixbridge.token.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.wixbridge.installation.entity.SealedTokens;

/**
 * Seals tokens with AES-256-GCM: a random 96-bit nonce per value, and the instance id plus
 * the kind of token as associated data, so a sealed value copied to another row or column
 * does not open.
 */
@ApplicationScoped
public class TokenCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * One cipher per thread, initialised again for every value (a fresh nonce, or the value's own):
     * looking a cipher up by its name costs as much as the encryption of a token.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    @Inject
    TokenKeys keys;

    public SealedTokens seal(String instanceId, String refreshToken, String accessToken) {
        String keyId = keys.currentId();
        SecretKey key = keys.current();
        return new SealedTokens(keyId, refreshToken == null ? null : seal(key, instanceId, "refresh", refreshToken),
                accessToken == null ? null : seal(key, instanceId, "access", accessToken));
    }

    public SealedTokens seal(String instanceId, Grant grant) {
        return seal(instanceId, grant.refreshToken(), grant.accessToken());
    }

    /** Empty when none is stored. Never log what this returns. */
    public Optional<String> openRefreshToken(String instanceId, SealedTokens sealed) {
        return Optional.ofNullable(sealed.refreshToken()).map(value -> open(key(instanceId, sealed), instanceId, "refresh", value));
    }

    /** Never log what this returns. */
    public String openAccessToken(String instanceId, SealedTokens sealed) {
        return sealed.accessToken() == null ? null : open(key(instanceId, sealed), instanceId, "access", sealed.accessToken());
    }

    private SecretKey key(String instanceId, SealedTokens sealed) {
        return keys.byId(sealed.keyId()).orElseThrow(() -> new SealedTokenUnreadable(instanceId,
                "the tokens of instance " + instanceId + " are sealed under key " + sealed.keyId()
                        + ", which " + TokenKeys.KEY + " no longer holds"));
    }

    /** The same tokens under the current key. */
    public SealedTokens reseal(String instanceId, SealedTokens sealed) {
        return seal(instanceId, openRefreshToken(instanceId, sealed).orElse(null), openAccessToken(instanceId, sealed));
    }

    private static String seal(SecretKey key, String instanceId, String kind, String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(instanceId, kind));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static String open(SecretKey key, String instanceId, String kind, String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(instanceId, kind));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // No detail: the message must not help anyone guess, and must carry nothing secret.
            throw new SealedTokenUnreadable(instanceId, "a sealed " + kind + " token of instance " + instanceId
                    + " does not open: altered, or sealed under another key with the same id");
        }
    }

    private static byte[] associatedData(String instanceId, String kind) {
        return (instanceId + "/" + kind).getBytes(StandardCharsets.UTF_8);
    }
}
