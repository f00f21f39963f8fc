package dev.wixbridge.platform.metrics;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The product's own metrics, in the application registry of MicroProfile Metrics (served by
 * the server's standard endpoint, {@code /metrics} on Payara). Names and tags are part of
 * what dashboards rely on; tag values are small fixed sets, never ids or tokens.
 */
@ApplicationScoped
public class ProductMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    public void installCompleted() {
        registry.counter("wixbridge.installs.completed").inc();
    }

    /** @param reason why the callback did not install, e.g. {@code state_expired}, {@code wix_unavailable} */
    public void installFailed(String reason) {
        registry.counter("wixbridge.installs.failed", new Tag("reason", reason)).inc();
    }

    /** @param source where the token came from: {@code memory}, {@code database} or {@code refresh} */
    public void tokenServed(String source) {
        registry.counter("wixbridge.tokens.served", new Tag("source", source)).inc();
    }

    /** @param kind {@code reauthorization_required}, {@code credentials_refused} or {@code wix_unavailable} */
    public void refreshFailed(String kind) {
        registry.counter("wixbridge.token.refreshes.failed", new Tag("kind", kind)).inc();
    }

    /** @param call which Wix endpoint, e.g. {@code oauth_access}, {@code apps_instance} */
    public void wixCall(String call, int status, Duration took) {
        registry.timer("wixbridge.wix.calls", new Tag("call", call), new Tag("status", String.valueOf(status))).update(took);
    }
}
