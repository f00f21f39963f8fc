package dev.wixbridge.token.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys that seal tokens, as an admin configures them. */
class TokenKeysTest {

    static final String KEY_1 = Base64.getEncoder().encodeToString(new byte[32]);
    static final String KEY_2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @TempDir
    Path data;

    static TokenKeys keys(String configured, Path dataDir) {
        return TokenKeysFixture.of(configured, dataDir);
    }

    @Test
    void the_first_key_seals_and_every_key_opens() {
        TokenKeys keys = keys("k2:" + KEY_2 + ", k1:" + KEY_1, data);

        assertThat(keys.currentId()).isEqualTo("k2");
        assertThat(keys.byId("k1")).isPresent();
        assertThat(keys.byId("k3")).isEmpty();
    }

    @Test
    void malformed_lists_are_refused_with_the_key_named() {
        assertThatThrownBy(() -> keys("no-colon", data)).hasMessageContaining(TokenKeys.KEY);
        assertThatThrownBy(() -> keys("k1:not base64!", data)).hasMessageContaining("k1").hasMessageContaining("base64");
        assertThatThrownBy(() -> keys("k1:" + Base64.getEncoder().encodeToString(new byte[16]), data))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> keys("k1:" + KEY_1 + ",k1:" + KEY_2, data)).hasMessageContaining("twice");
    }

    @Test
    void an_error_message_never_quotes_a_key() {
        assertThatThrownBy(() -> keys("k1:" + KEY_2.substring(4), data)).message().doesNotContain(KEY_2.substring(4));
    }

    @Test
    void without_configuration_a_generated_key_is_kept_for_the_owner_only_and_reused() throws Exception {
        TokenKeys first = keys(null, data);
        TokenKeys second = keys(null, data);

        assertThat(second.currentId()).isEqualTo(first.currentId()).startsWith("local-");
        assertThat(second.derive("purpose")).isEqualTo(first.derive("purpose"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(TokenKeys.GENERATED_FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void derived_keys_differ_by_purpose_and_by_sealing_key() {
        TokenKeys keys = keys("k1:" + KEY_1, data);

        assertThat(keys.derive("a")).isNotEqualTo(keys.derive("b")).hasSize(32);
        assertThat(keys("k2:" + KEY_2, data).derive("a")).isNotEqualTo(keys.derive("a"));
    }
}
