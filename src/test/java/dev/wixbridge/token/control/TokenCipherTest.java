package dev.wixbridge.token.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.wixbridge.installation.entity.SealedTokens;

/** Tokens at rest: sealed per site and kind, opened only with a listed key. */
class TokenCipherTest {

    private static final String SITE = "8a4f2a3e-1c2b-4d5e-9f00-123456789abc";
    private static final String OTHER_SITE = "9b5f2a3e-1c2b-4d5e-9f00-123456789abc";

    @TempDir
    Path data;

    private TokenCipher cipher(String keys) {
        TokenCipher cipher = new TokenCipher();
        cipher.keys = TokenKeysTest.keys(keys, data);
        return cipher;
    }

    @Test
    void sealed_tokens_open_to_what_was_sealed_and_show_nothing() {
        TokenCipher cipher = cipher("k1:" + TokenKeysTest.KEY_1);

        SealedTokens sealed = cipher.seal(SITE, new Grant("refresh-secret", "access-secret", Instant.now()));

        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(sealed.refreshToken()).doesNotContain("refresh-secret");
        assertThat(sealed.accessToken()).doesNotContain("access-secret");
        assertThat(cipher.openRefreshToken(SITE, sealed)).hasValue("refresh-secret");
        assertThat(cipher.openAccessToken(SITE, sealed)).isEqualTo("access-secret");
        assertThat(sealed.toString()).doesNotContain(sealed.refreshToken());
    }

    @Test
    void the_same_token_seals_differently_every_time() {
        TokenCipher cipher = cipher("k1:" + TokenKeysTest.KEY_1);

        assertThat(cipher.seal(SITE, "refresh", "access").refreshToken())
                .isNotEqualTo(cipher.seal(SITE, "refresh", "access").refreshToken());
    }

    @Test
    void a_sealed_value_moved_to_another_site_or_column_does_not_open() {
        TokenCipher cipher = cipher("k1:" + TokenKeysTest.KEY_1);
        SealedTokens sealed = cipher.seal(SITE, "refresh", "access");

        assertThatThrownBy(() -> cipher.openRefreshToken(OTHER_SITE, sealed)).isInstanceOf(SealedTokenUnreadable.class);
        SealedTokens swapped = new SealedTokens("k1", sealed.accessToken(), sealed.refreshToken());
        assertThatThrownBy(() -> cipher.openRefreshToken(SITE, swapped)).isInstanceOf(SealedTokenUnreadable.class);
    }

    @Test
    void a_value_that_does_not_open_leaves_the_thread_able_to_seal_and_open() {
        TokenCipher cipher = cipher("k1:" + TokenKeysTest.KEY_1);
        SealedTokens sealed = cipher.seal(SITE, "refresh", "access");
        assertThatThrownBy(() -> cipher.openRefreshToken(OTHER_SITE, sealed)).isInstanceOf(SealedTokenUnreadable.class);

        SealedTokens next = cipher.seal(SITE, "refresh-2", "access-2");

        assertThat(cipher.openRefreshToken(SITE, next)).hasValue("refresh-2");
        assertThat(cipher.openAccessToken(SITE, sealed)).isEqualTo("access");
    }

    /** Each thread has its own cipher: requests seal and open at once (a shared one mixes their values). */
    @Test
    void threads_seal_and_open_at_once() throws Exception {
        TokenCipher cipher = cipher("k1:" + TokenKeysTest.KEY_1);
        int threads = 8;
        CyclicBarrier together = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String site = "8a4f2a3e-1c2b-4d5e-9f00-12345678900" + t;
                results.add(pool.submit(() -> {
                    together.await();
                    for (int i = 0; i < 2_000; i++) {
                        SealedTokens sealed = cipher.seal(site, "refresh-" + i, "access-" + i);
                        if (!cipher.openAccessToken(site, sealed).equals("access-" + i)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tokens_sealed_under_an_older_listed_key_open_and_reseal_under_the_first() {
        SealedTokens old = cipher("k1:" + TokenKeysTest.KEY_1).seal(SITE, "refresh", "access");
        TokenCipher rotated = cipher("k2:" + TokenKeysTest.KEY_2 + ",k1:" + TokenKeysTest.KEY_1);

        SealedTokens resealed = rotated.reseal(SITE, old);

        assertThat(resealed.keyId()).isEqualTo("k2");
        assertThat(rotated.openAccessToken(SITE, resealed)).isEqualTo("access");
    }

    @Test
    void a_key_no_longer_listed_names_the_site_and_key_but_no_secret() {
        SealedTokens old = cipher("k1:" + TokenKeysTest.KEY_1).seal(SITE, "refresh-secret", null);

        assertThatThrownBy(() -> cipher("k2:" + TokenKeysTest.KEY_2).openRefreshToken(SITE, old))
                .isInstanceOf(SealedTokenUnreadable.class)
                .hasMessageContaining(SITE).hasMessageContaining("k1").message().doesNotContain("refresh-secret");
        assertThat(cipher("k1:" + TokenKeysTest.KEY_1).openAccessToken(SITE, old)).as("no access token sealed").isNull();
    }
}
