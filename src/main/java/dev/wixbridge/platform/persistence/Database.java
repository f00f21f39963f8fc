package dev.wixbridge.platform.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;

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

    private volatile EntityManagerFactory factory;

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
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it
     * throws or marks the transaction rollback-only.
     */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        try (EntityManager em = factory().createEntityManager()) {
            EntityTransaction tx = em.getTransaction();
            tx.begin();
            try {
                T result = work.apply(em);
                if (tx.getRollbackOnly()) {
                    tx.rollback();
                } else {
                    tx.commit();
                }
                return result;
            } finally {
                if (tx.isActive()) {
                    tx.rollback();
                }
            }
        }
    }

    /** Whether the database answers a trivial query now. */
    public boolean isReachable() {
        try {
            inTransaction(em -> em.createNativeQuery("SELECT 1").getSingleResult());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
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
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(settings.url(), settings.user(), settings.password())
                .locations("classpath:db/migration")
                .load();
        int applied = flyway.migrate().migrationsExecuted;
        var current = flyway.info().current();
        LOG.info(() -> "Database " + settings.describe() + " at schema version "
                + (current == null ? "none" : current.getVersion()) + " (" + applied + " migrations applied now)");
    }

    private Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(PersistenceUnitProperties.ECLIPSELINK_PERSISTENCE_XML, "META-INF/wix-bridge-persistence.xml");
        properties.put(PersistenceUnitProperties.JDBC_URL, settings.url());
        properties.put(PersistenceUnitProperties.JDBC_USER, settings.user());
        properties.put(PersistenceUnitProperties.JDBC_PASSWORD, settings.password());
        settings.driverClassName().ifPresent(driver -> properties.put(PersistenceUnitProperties.JDBC_DRIVER, driver));
        properties.put(PersistenceUnitProperties.CLASSLOADER, getClass().getClassLoader());
        return properties;
    }

    @PreDestroy
    void close() {
        EntityManagerFactory current = factory;
        if (current != null && current.isOpen()) {
            current.close();
        }
    }
}
