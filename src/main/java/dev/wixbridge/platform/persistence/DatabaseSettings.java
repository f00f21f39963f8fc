package dev.wixbridge.platform.persistence;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import dev.wixbridge.platform.config.DataDirectory;
import dev.wixbridge.platform.config.SandboxMode;

/**
 * Where the data lives. By default an H2 file under {@code data/} (relative to the server's
 * working directory, or {@code data.dir}); {@code db.url} switches to any other database.
 */
@ApplicationScoped
public class DatabaseSettings {

    public static final String DATASOURCE = "db.datasource";
    public static final String URL = "db.url";
    public static final String USER = "db.user";
    public static final String PASSWORD = "db.password";
    public static final String POOL_SIZE = "db.pool-size";

    static final int DEFAULT_POOL_SIZE = 16;

    private static final Logger LOG = Logger.getLogger(DatabaseSettings.class.getName());

    /**
     * H2 waits only one second for a row lock by default; a duplicate install callback waits
     * on the first one's lock for as long as that one talks to Wix.
     */
    private static final String H2_OPTIONS = ";LOCK_TIMEOUT=30000";

    @Inject
    Config config;

    @Inject
    DataDirectory dataDirectory;

    /**
     * A sandbox's database: in memory, for as long as the server runs, whatever {@code db.*} says
     * ({@link SandboxMode}): demo sites never land beside real ones.
     */
    static final String SANDBOX_URL = "jdbc:h2:mem:wix-bridge-sandbox;DB_CLOSE_DELAY=-1" + H2_OPTIONS;

    /** A datasource the admin defined in the server, by JNDI name; when set, {@code db.url} and its kin are not used. */
    public Optional<String> datasource() {
        if (SandboxMode.isActive(config)) {
            return Optional.empty();
        }
        return config.getOptionalValue(DATASOURCE, String.class).map(String::strip).filter(name -> !name.isEmpty());
    }

    public String url() {
        if (SandboxMode.isActive(config)) {
            return SANDBOX_URL;
        }
        return config.getOptionalValue(URL, String.class)
                .orElseGet(() -> "jdbc:h2:file:" + dataDirectory.path().resolve("wix-bridge") + H2_OPTIONS);
    }

    public String user() {
        return SandboxMode.isActive(config) ? "" : config.getOptionalValue(USER, String.class).orElse("");
    }

    /** Never log this value. */
    public String password() {
        return SandboxMode.isActive(config) ? "" : config.getOptionalValue(PASSWORD, String.class).orElse("");
    }

    /**
     * Connections of the product's own pool (not used with {@link #DATASOURCE}, whose pool the
     * server sizes). A malformed value is reported and the default used: the service still starts.
     */
    public int poolSize() {
        try {
            Optional<Integer> size = config.getOptionalValue(POOL_SIZE, Integer.class);
            if (size.isEmpty() || size.get() > 0) {
                return size.orElse(DEFAULT_POOL_SIZE);
            }
        } catch (IllegalArgumentException notANumber) {
            // reported below
        }
        LOG.severe("Configuration problem: " + POOL_SIZE + " must be a positive whole number; using " + DEFAULT_POOL_SIZE);
        return DEFAULT_POOL_SIZE;
    }

    /** What kind of database this is, in words, to stand before {@link #describe()} ("server datasource jdbc/x"). */
    public String kind() {
        if (datasource().isPresent()) {
            return "server";
        }
        String url = url();
        if (url.startsWith("jdbc:h2:mem:")) {
            return "H2 in memory";
        }
        if (url.startsWith("jdbc:h2:")) {
            return "H2 file";
        }
        return url.startsWith("jdbc:postgresql:") ? "PostgreSQL" : "JDBC";
    }

    /** The URL without credentials or options (or the datasource's name), fit for a log line. */
    public String describe() {
        if (datasource().isPresent()) {
            return "datasource " + datasource().get();
        }
        String url = url();
        int options = url.indexOf(';');
        int query = url.indexOf('?');
        int end = options < 0 ? query : (query < 0 ? options : Math.min(options, query));
        return end < 0 ? url : url.substring(0, end);
    }

    Optional<String> driverClassName() {
        String url = url();
        if (url.startsWith("jdbc:h2:")) {
            return Optional.of("org.h2.Driver");
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Optional.of("org.postgresql.Driver");
        }
        return Optional.empty();
    }
}
