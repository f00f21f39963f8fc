package dev.wixbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The log files the servers of this test run wrote (Payara Micro's {@code --logtofile}). */
public final class ServerLog {

    /** What {@code StartupSummary} writes at FINE, and only there: in the log only if FINE lines reach it. */
    private static final String FINE_LINE_OF_OURS = "Debug logging (FINE) is on for dev.wixbridge";

    private ServerLog() {
    }

    public static String text() {
        return text(Path.of(System.getProperty("it.work", "target/it")));
    }

    /** Every log file the server wrote in {@code dir}: {@code server.log}, rotated as {@code server.log.N} (Payara Micro) or {@code server.log_<time>} (Payara Server). */
    public static String text(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> logs = files.filter(f -> f.getFileName().toString().matches("server\\.log([._][0-9][-0-9T:._]*)?")).sorted().toList();
            StringBuilder text = new StringBuilder();
            for (Path log : logs) {
                text.append(Files.readString(log, StandardCharsets.ISO_8859_1));
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails when any of the secrets stands anywhere in the logs; the logs must exist and hold our lines. */
    public static void assertHoldsNone(Set<String> secrets) {
        assertHoldsNone(text(), secrets);
    }

    public static void assertHoldsNone(String log, Set<String> secrets) {
        assertThat(log).as("server log of the test run").contains("dev.wixbridge");
        List<String> leaked = secrets.stream().filter(log::contains).map(ServerLog::redacted).collect(Collectors.toList());
        assertThat(leaked).as("secrets found in the server log").isEmpty();
        // The scan must see debug lines: without this, a server that drops FINE lines would hide a secret logged at FINE.
        assertThat(log).as("a FINE line of ours in the server log").contains(FINE_LINE_OF_OURS);
        // a warning of the product's own doing: the WAR's JDBC driver must leave with the WAR
        assertThat(log).as("server log of the test run").doesNotContain("but failed to unregister it");
    }

    private static String redacted(String secret) {
        return secret.substring(0, Math.min(10, secret.length())) + "…";
    }
}
