package dev.wixbridge.platform.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;

import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.flywaydb.core.Flyway;

/**
 * The product's database: migrates the schema with Flyway, then serves EclipseLink entity
 * managers with local transactions.
 *
 * <p>The persistence unit is bootstrapped here rather than by the container so that the same
 * WAR reaches H2 or PostgreSQL from configuration alone, on any server, with EclipseLink
 * whatever JPA provider the server prefers. Its descriptor is deliberately not named
 * {@code persistence.xml}, so the container leaves it alone.
 */
@ApplicationScoped
public class Database {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    private static final String UNIT = "wix-bridge";

    @Inject
    DatabaseSettings settings;

    @Inject
    org.eclipse.microprofile.config.Config config;

    /** How long a shutdown waits for transactions in flight to finish before closing the pool. */
    private static final long SHUTDOWN_GRACE_MILLIS = 10_000;

    private volatile EntityManagerFactory factory;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    /** Opens the database at start-up, so schema problems show in the log before the first install. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        try {
            factory();
        } catch (RuntimeException e) {
            LOG.severe("Database " + settings.describe() + " is not usable yet (" + e.getClass().getSimpleName()
                    + "); it will be tried again on the next request");
        }
    }

    /**
     * Runs {@code work} in a transaction: committed when it returns, rolled back when it throws.
     * Called inside another {@code inTransaction} on the same thread, {@code work} joins that
     * transaction (one entity manager, one commit), so controls can own their work and still be
     * composed into one unit, as JTA's {@code REQUIRED} would.
     */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        Unit joined = current.get();
        if (joined != null) {
            return work.apply(joined.em());
        }
        inFlight.incrementAndGet();
        List<Runnable> afterCommit = new ArrayList<>();
        boolean committed = false;
        try (EntityManager em = factory().createEntityManager()) {
            EntityTransaction tx = em.getTransaction();
            current.set(new Unit(em, afterCommit));
            try {
                tx.begin();
                T result = work.apply(em);
                tx.commit();
                committed = true;
                return result;
            } finally {
                current.remove();
                if (tx.isActive()) {
                    tx.rollback();
                }
            }
        } finally {
            inFlight.decrementAndGet();
            if (committed) {
                afterCommit.forEach(Runnable::run);
            }
        }
    }

    /**
     * Runs {@code action} once the current transaction has committed (at once when there is
     * none); never when it rolls back. For what must not be seen before the data is.
     */
    public void afterCommit(Runnable action) {
        Unit unit = current.get();
        if (unit == null) {
            action.run();
        } else {
            unit.afterCommit().add(action);
        }
    }

    /** The transaction this thread is in, and what waits for its commit. */
    private record Unit(EntityManager em, List<Runnable> afterCommit) {
    }

    /** Whether the schema is migrated and the persistence unit open (it may still be unreachable now). */
    public boolean isOpen() {
        return factory != null;
    }

    private EntityManagerFactory factory() {
        EntityManagerFactory current = factory;
        if (current == null) {
            synchronized (this) {
                current = factory;
                if (current == null) {
                    migrate();
                    current = new PersistenceProvider().createEntityManagerFactory(UNIT, properties());
                    if (current == null) {
                        throw new PersistenceException("persistence unit " + UNIT + " not found");
                    }
                    factory = current;
                }
            }
        }
        return current;
    }

    private void migrate() {
        var configuration = Flyway.configure(getClass().getClassLoader()).locations("classpath:db/migration");
        Flyway flyway = (settings.datasource().isPresent()
                ? configuration.dataSource(serverDataSource(settings.datasource().get()))
                : configuration.dataSource(settings.url(), settings.user(), settings.password())).load();
        int applied = flyway.migrate().migrationsExecuted;
        var current = flyway.info().current();
        LOG.info(() -> "Database " + settings.describe() + " at schema version "
                + (current == null ? "none" : current.getVersion()) + " (" + applied + " migrations applied now)");
    }

    private Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(PersistenceUnitProperties.ECLIPSELINK_PERSISTENCE_XML, "META-INF/wix-bridge-persistence.xml");
        if (settings.datasource().isPresent()) {
            properties.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, serverDataSource(settings.datasource().get()));
        } else {
            properties.put(PersistenceUnitProperties.JDBC_URL, settings.url());
            properties.put(PersistenceUnitProperties.JDBC_USER, settings.user());
            properties.put(PersistenceUnitProperties.JDBC_PASSWORD, settings.password());
            settings.driverClassName().ifPresent(driver -> properties.put(PersistenceUnitProperties.JDBC_DRIVER, driver));
            // EclipseLink closes every connection released above the pool's minimum, and opens
            // and closes them under the pool's lock: with min below max, a busy server
            // reconnects to the database for most transactions, one at a time. So min = max.
            String poolSize = String.valueOf(settings.poolSize());
            properties.put("eclipselink.connection-pool.default.min", poolSize);
            properties.put("eclipselink.connection-pool.default.max", poolSize);
            // Each connection keeps its prepared statements (a handful of distinct queries): an
            // install's transactions otherwise prepare and close each statement again. A server's
            // datasource has its own statement cache setting.
            properties.put(PersistenceUnitProperties.CACHE_STATEMENTS, "true");
        }
        properties.put(PersistenceUnitProperties.CLASSLOADER, getClass().getClassLoader());
        // Any eclipselink.* setting in the configuration reaches EclipseLink (pool sizes, a server's archive factory).
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("eclipselink.")) {
                config.getOptionalValue(name, String.class).ifPresent(value -> properties.put(name, value));
            }
        }
        return properties;
    }

    /** The server's connection pool, used outside JTA: this unit runs its own local transactions. */
    static DataSource serverDataSource(String jndiName) {
        try {
            return (DataSource) new InitialContext().lookup(jndiName);
        } catch (NamingException | ClassCastException e) {
            throw new PersistenceException("no datasource at " + jndiName + " (" + DatabaseSettings.DATASOURCE + ")");
        }
    }

    /** On shutdown, transactions in flight may finish (bounded) before the pool closes under them. */
    @PreDestroy
    void close() {
        long deadline = System.currentTimeMillis() + SHUTDOWN_GRACE_MILLIS;
        while (inFlight.get() > 0 && System.currentTimeMillis() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
        EntityManagerFactory current = factory;
        if (current != null && current.isOpen()) {
            current.close();
        }
        deregisterOwnDrivers();
    }

    /**
     * JDBC drivers this WAR brought (PostgreSQL's registers itself with DriverManager when first
     * loaded) leave with it: a driver left registered pins the undeployed WAR's class loader, and
     * the server warns that the application failed to unregister it.
     */
    private void deregisterOwnDrivers() {
        ClassLoader own = getClass().getClassLoader();
        for (java.sql.Driver driver : java.util.Collections.list(java.sql.DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == own) {
                try {
                    java.sql.DriverManager.deregisterDriver(driver);
                } catch (java.sql.SQLException e) {
                    LOG.warning("Could not deregister the JDBC driver " + driver.getClass().getName() + ": " + e.getMessage());
                }
            }
        }
    }
}
