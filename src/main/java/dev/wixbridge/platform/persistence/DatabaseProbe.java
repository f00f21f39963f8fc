package dev.wixbridge.platform.persistence;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Readiness's own connection to the database, apart from the pool that requests share: a probe
 * must tell whether the database answers, not wait behind busy requests for a pooled connection
 * (and a load balancer that sees a slow probe takes the server out). One connection, opened on
 * first use and again after it broke, checked with JDBC's {@code isValid}. With a server datasource
 * it is one of that pool's connections, held for good.
 */
@ApplicationScoped
public class DatabaseProbe {

    private static final int ANSWER_WITHIN_SECONDS = 2;

    @Inject
    DatabaseSettings settings;

    /** One probe asks at a time; a probe arriving meanwhile waits for that answer, never for the pool. */
    private final ReentrantLock asking = new ReentrantLock();
    private Connection connection;
    private volatile boolean lastAnswer;

    /** Whether the database answers now (within two seconds). */
    public boolean answers() {
        try {
            if (!asking.tryLock(ANSWER_WITHIN_SECONDS + 1L, TimeUnit.SECONDS)) {
                return lastAnswer;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return lastAnswer;
        }
        try {
            lastAnswer = ask();
            return lastAnswer;
        } finally {
            asking.unlock();
        }
    }

    private boolean ask() {
        try {
            if (connection != null && connection.isValid(ANSWER_WITHIN_SECONDS)) {
                return true;
            }
            close();
            connection = open();
            return connection.isValid(ANSWER_WITHIN_SECONDS);
        } catch (SQLException | RuntimeException e) {
            close();
            return false;
        }
    }

    private Connection open() throws SQLException {
        if (settings.datasource().isPresent()) {
            return Database.serverDataSource(settings.datasource().get()).getConnection();
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", settings.user());
        credentials.setProperty("password", settings.password());
        if (settings.driverClassName().isEmpty()) {
            return DriverManager.getConnection(settings.url(), credentials);
        }
        try {
            // the driver itself, as EclipseLink loads it: the WAR's drivers are not registered for DriverManager
            Driver driver = (Driver) Class.forName(settings.driverClassName().get(), true, getClass().getClassLoader())
                    .getDeclaredConstructor().newInstance();
            return driver.connect(settings.url(), credentials);
        } catch (ReflectiveOperationException e) {
            throw new SQLException("no driver " + settings.driverClassName().get(), e);
        }
    }

    @PreDestroy
    void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException alreadyBroken) {
                // nothing left to close
            }
            connection = null;
        }
    }
}
