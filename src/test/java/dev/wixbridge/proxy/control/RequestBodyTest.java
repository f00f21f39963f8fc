package dev.wixbridge.proxy.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class RequestBodyTest {

    @Test
    void a_small_body_stays_in_memory() throws Exception {
        try (RequestBody body = RequestBody.read(new ByteArrayInputStream("{\"a\":1}".getBytes()), 1000)) {
            assertThat(body.length()).isEqualTo(7);
            assertThat(body.bytes()).hasValueSatisfying(bytes -> assertThat(new String(bytes)).isEqualTo("{\"a\":1}"));
            assertThat(body.file()).isEmpty();
        }
    }

    @Test
    void a_large_body_goes_to_a_private_file_deleted_on_close() throws Exception {
        byte[] large = new byte[RequestBody.IN_MEMORY * 3];
        Arrays.fill(large, (byte) 'x');
        Path file;
        try (RequestBody body = RequestBody.read(new ByteArrayInputStream(large), large.length)) {
            assertThat(body.length()).isEqualTo(large.length);
            assertThat(body.bytes()).isEmpty();
            file = body.file().orElseThrow();
            assertThat(Files.readAllBytes(file)).isEqualTo(large);
            assertThat(Files.getPosixFilePermissions(file)).containsOnly(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void a_body_over_the_limit_is_refused_and_leaves_no_file() throws Exception {
        long before = spoolFiles();
        byte[] large = new byte[RequestBody.IN_MEMORY * 2 + 1];

        assertThatThrownBy(() -> RequestBody.read(new ByteArrayInputStream(large), large.length - 1))
                .isInstanceOf(RequestBody.TooLarge.class);
        assertThat(spoolFiles()).isEqualTo(before);
        assertThat(RequestBody.read(new ByteArrayInputStream(large), large.length).length()).isEqualTo(large.length);
    }

    private static long spoolFiles() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("wixbridge-proxy-")).count();
        }
    }
}
