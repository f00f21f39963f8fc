package dev.wixbridge.platform.config;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

/**
 * Where the embedded defaults keep their files (H2 database, generated token key):
 * {@code data.dir}, by default {@code data} under the server's working directory.
 */
@ApplicationScoped
public class DataDirectory {

    public static final String KEY = "data.dir";

    @Inject
    Config config;

    public Path path() {
        return Path.of(config.getOptionalValue(KEY, String.class).orElse("data")).toAbsolutePath();
    }
}
