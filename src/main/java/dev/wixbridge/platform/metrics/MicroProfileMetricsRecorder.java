package dev.wixbridge.platform.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Writes to MicroProfile Metrics' application registry. On a server without MicroProfile
 * Metrics this class cannot load, so CDI skips it and {@link Metrics} records nothing.
 */
@ApplicationScoped
public class MicroProfileMetricsRecorder implements MetricsRecorder {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    /**
     * Counters and timers by name and tags, looked up in the registry once: a registry lookup
     * builds a metric id and takes the registry's lock, on every token request and call to Wix.
     */
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

    @Override
    public void count(String name, String... tags) {
        counters.computeIfAbsent(key(name, tags), unknown -> registry.counter(name, tags(tags))).inc();
    }

    @Override
    public void time(String name, Duration took, String... tags) {
        timers.computeIfAbsent(key(name, tags), unknown -> registry.timer(name, tags(tags))).update(took);
    }

    private static List<String> key(String name, String... tags) {
        List<String> key = new ArrayList<>(tags.length + 1);
        key.add(name);
        key.addAll(Arrays.asList(tags));
        return key;
    }

    private static Tag[] tags(String... pairs) {
        Tag[] tags = new Tag[pairs.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(pairs[2 * i], pairs[2 * i + 1]);
        }
        return tags;
    }
}
