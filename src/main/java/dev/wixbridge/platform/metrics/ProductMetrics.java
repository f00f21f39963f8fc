package dev.wixbridge.platform.metrics;

import java.time.Duration;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The product's own metrics, in the application registry of MicroProfile Metrics, served by
 * the server's standard endpoint ({@code /metrics} on Payara). Names and tags are what
 * dashboards rely on; tag values are small fixed sets, never ids or tokens.
 *
 * <p>A server without MicroProfile Metrics (WildFly, which offers Micrometer and OpenTelemetry
 * instead) still runs the product: the metrics are then off, and the log says so once.
 */
@ApplicationScoped
public class ProductMetrics {

    private static final Logger LOG = Logger.getLogger(ProductMetrics.class.getName());

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

    public void installCompleted() {
        recorder.count("wixbridge.installs.completed");
    }

    /** @param reason why the callback did not install, e.g. {@code state_expired}, {@code wix_unavailable} */
    public void installFailed(String reason) {
        recorder.count("wixbridge.installs.failed", "reason", reason);
    }

    /** @param source where the token came from: {@code memory}, {@code database} or {@code refresh} */
    public void tokenServed(String source) {
        recorder.count("wixbridge.tokens.served", "source", source);
    }

    /** @param kind {@code reauthorization_required}, {@code credentials_refused} or {@code wix_unavailable} */
    public void refreshFailed(String kind) {
        recorder.count("wixbridge.token.refreshes.failed", "kind", kind);
    }

    /** @param call which Wix endpoint, e.g. {@code oauth_access}, {@code apps_instance} */
    public void wixCall(String call, int status, Duration took) {
        recorder.time("wixbridge.wix.calls", took, "call", call, "status", String.valueOf(status));
    }
}
