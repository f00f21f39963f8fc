package dev.wixbridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Payara Micro servers of the integration tests log to a file in their folder, our own code
 * at FINEST, so that the log scan for secrets ({@link ServerLog}) covers debug lines too. Written
 * as a JUL configuration for {@code --logproperties}: {@code --logtofile} alone keeps FINE lines out.
 */
public final class TestLogging {

    private TestLogging() {
    }

    /** Writes {@code logging.properties} into {@code dir}, logging to {@code dir/server.log.0} (appended), and returns it. */
    public static Path configurationIn(Path dir) {
        String file = dir.toAbsolutePath().resolve("server.log.%g").toString().replace("\\", "/");
        String properties = String.join("\n",
                // the console as Payara Micro writes it by default: Arquillian reads the deployment from it
                "handlers=java.util.logging.ConsoleHandler, java.util.logging.FileHandler",
                "java.util.logging.ConsoleHandler.formatter=com.sun.enterprise.server.logging.ODLLogFormatter",
                "java.util.logging.ConsoleHandler.level=INFO",
                ".level=INFO",
                "dev.wixbridge.level=FINEST",
                "java.util.logging.FileHandler.pattern=" + file,
                "java.util.logging.FileHandler.append=true",
                "java.util.logging.FileHandler.level=ALL",
                "java.util.logging.FileHandler.formatter=java.util.logging.SimpleFormatter",
                "");
        try {
            Files.createDirectories(dir);
            Path configuration = dir.resolve("logging.properties");
            Files.writeString(configuration, properties);
            return configuration;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
