package dev.wixbridge.token.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.wixbridge.platform.config.ConfigurationFault;

/** The keys that seal tokens, as an admin configures them. */
class TokenKeysTest {

    static final String KEY_1 = Base64.getEncoder().encodeToString(new byte[32]);
    static final String KEY_2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @TempDir
    Path data;

    static TokenKeys keys(String configured, Path dataDir) {
        return TokenKeysFixture.of(configured, dataDir);
    }

    /** Why these keys are unusable: every use of them is then refused as a configuration fault. */
    private String problemOf(String configured) {
        TokenKeys keys = keys(configured, data);
        assertThatThrownBy(keys::currentId).isInstanceOf(ConfigurationFault.class).hasMessageStartingWith("Token keys unusable: ");
        return keys.problem().orElseThrow();
    }

    @Test
    void the_first_key_seals_and_every_key_opens() {
        TokenKeys keys = keys("k2:" + KEY_2 + ", k1:" + KEY_1, data);

        assertThat(keys.currentId()).isEqualTo("k2");
        assertThat(keys.byId("k1")).isPresent();
        assertThat(keys.byId("k3")).isEmpty();
    }

    @Test
    void malformed_lists_are_refused_with_the_entry_named_by_its_position() {
        assertThat(problemOf("no-colon")).contains(TokenKeys.KEY).contains("entry 1 of 1");
        assertThat(problemOf("k1:" + KEY_1 + ",k2:not base64!")).contains("entry 2 of 2")
                .contains("base64");
        assertThat(problemOf("k1:" + Base64.getEncoder().encodeToString(new byte[16])))
                .contains("32 bytes");
        assertThat(problemOf("k1:" + KEY_1 + ",k1:" + KEY_2)).contains("entry 2 of 2")
                .contains("repeats the id");
    }

    @Test
    void an_error_message_never_quotes_any_part_of_an_entry() {
        assertThat(problemOf("k1:" + KEY_2.substring(4))).doesNotContain(KEY_2.substring(4));
        // written the wrong way round: the key stands where the id belongs
        assertThat(problemOf(KEY_1 + ":k1")).doesNotContain(KEY_1).doesNotContain(KEY_1.substring(0, 8));
        assertThat(problemOf("secret-id-part:" + KEY_1 + "x")).doesNotContain("secret-id-part");
    }

    @Test
    void without_configuration_a_generated_key_is_kept_apart_for_the_owner_only_and_reused() throws Exception {
        TokenKeys first = keys(null, data);
        TokenKeys second = keys(null, data);

        assertThat(second.currentId()).isEqualTo(first.currentId()).startsWith("local-");
        assertThat(second.derive("purpose")).isEqualTo(first.derive("purpose"));
        Path folder = data.resolve(TokenKeys.GENERATED_FOLDER);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(TokenKeys.GENERATED_FILE))))
                .isEqualTo("rw-------");
        assertThat(data.resolve(TokenKeys.GENERATED_FILE)).doesNotExist();
    }

    @Test
    void a_key_file_others_may_read_is_refused() throws Exception {
        keys(null, data);
        Path file = data.resolve(TokenKeys.GENERATED_FOLDER).resolve(TokenKeys.GENERATED_FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        String key = Files.readString(file).strip().substring(Files.readString(file).indexOf(':') + 1);
        assertThat(problemOf(null)).contains("may be read by others").contains("chmod 600").doesNotContain(key);
    }

    @Test
    void a_key_an_earlier_release_generated_in_the_data_folder_is_moved_and_still_opens() throws Exception {
        Files.writeString(data.resolve(TokenKeys.GENERATED_FILE), "local-2026-11-01:" + KEY_1 + "\n");
        Files.setPosixFilePermissions(data.resolve(TokenKeys.GENERATED_FILE), PosixFilePermissions.fromString("rw-r--r--"));

        TokenKeys keys = keys(null, data);

        assertThat(keys.currentId()).isEqualTo("local-2026-11-01");
        assertThat(data.resolve(TokenKeys.GENERATED_FILE)).doesNotExist();
        Path moved = data.resolve(TokenKeys.GENERATED_FOLDER).resolve(TokenKeys.GENERATED_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(moved))).isEqualTo("rw-------");
    }

    @Test
    void derived_keys_differ_by_purpose_and_by_sealing_key() {
        TokenKeys keys = keys("k1:" + KEY_1, data);

        assertThat(keys.derive("a")).isNotEqualTo(keys.derive("b")).hasSize(32);
        assertThat(keys("k2:" + KEY_2, data).derive("a")).isNotEqualTo(keys.derive("a"));
    }
}
