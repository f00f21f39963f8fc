package dev.wixbridge.platform.metrics;

import java.time.Duration;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Where features record their metrics: the application registry of MicroProfile Metrics,
 * served by the server's standard endpoint ({@code /metrics} on Payara). Each feature names
 * its own metrics; tag values are small fixed sets, never ids or tokens.
 *
 * <p>A server without MicroProfile Metrics (WildFly, which offers Micrometer and OpenTelemetry
 * instead) still runs the product: the metrics are then off, and the log says so once.
 */
@ApplicationScoped
public class Metrics {

    private static final Logger LOG = Logger.getLogger(Metrics.class.getName());

    @Inject
    Instance<MetricsRecorder> recorders;

    private MetricsRecorder recorder = MetricsRecorder.NONE;

    @PostConstruct
    void connect() {
        if (recorders.isResolvable()) {
            recorder = recorders.get();
        } else {
            LOG.info("MicroProfile Metrics is not available on this server: the product's metrics are off");
        }
    }

    /** Whether the server has MicroProfile Metrics, so that the product's metrics are recorded. */
    public boolean enabled() {
        return recorder != MetricsRecorder.NONE;
    }

    /** @param tags name, value, name, value ... */
    public void count(String name, String... tags) {
        recorder.count(name, tags);
    }

    /** @param tags name, value, name, value ... */
    public void time(String name, Duration took, String... tags) {
        recorder.time(name, took, tags);
    }
}
