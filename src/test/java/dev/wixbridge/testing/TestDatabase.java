package dev.wixbridge.testing;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The database one test run uses, fresh for the run: rows of an earlier run are sealed under
 * keys this run does not know.
 */
public record TestDatabase(String url, String user) {

    static TestDatabase of(String kind) {
        return switch (kind) {
            case "h2" -> h2();
            case "postgresql" -> postgresql();
            default -> throw new IllegalArgumentException("it.db must be h2 or postgresql, not " + kind);
        };
    }

    /** Another database of this run's kind, empty, for a test that needs its own (a schema upgrade). */
    public static TestDatabase fresh(String name) {
        return "postgresql".equals(System.getProperty("it.db", "h2")) ? postgresql() : h2(name);
    }

    /** An empty PostgreSQL schema of its own, whatever this run's kind (for a test that a sandbox leaves it alone). */
    public static TestDatabase freshPostgresql() {
        return postgresql("wix_bridge_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    private static TestDatabase h2() {
        return h2("db");
    }

    private static TestDatabase h2(String name) {
        File dir = new File(System.getProperty("it.work", "target/it"), name);
        deleteTree(dir);
        return new TestDatabase("jdbc:h2:file:" + new File(dir, "wix-bridge").getAbsolutePath()
                + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=30000", "");
    }

    /**
     * A schema of this run's own in the machine's PostgreSQL, dropped when the run ends. Its name
     * is random, or {@code it.postgresql.schema} where a datasource defined in the server names it
     * (Payara Server's): then it is emptied first.
     */
    private static TestDatabase postgresql() {
        String schema = System.getProperty("it.postgresql.schema", "");
        return postgresql(schema.isEmpty() ? "wix_bridge_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) : schema);
    }

    private static TestDatabase postgresql(String schema) {
        String server = System.getProperty("it.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("it.postgresql.user", "postgres");
        execute(server, user, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        execute(server, user, "CREATE SCHEMA " + schema);
        String created = schema;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(server, user, "DROP SCHEMA " + created + " CASCADE")));
        return new TestDatabase(server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema, user);
    }

    private static void execute(String url, String user, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for the tests: " + sql, e);
        }
    }

    private static void deleteTree(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteTree(child);
            }
        }
        file.delete();
    }
}
