package dev.wixbridge.platform.metrics;

import java.time.Duration;

/** Where {@link Metrics} writes: the server's metrics registry, or nowhere. */
public interface MetricsRecorder {

    void count(String name, String... tags);

    void time(String name, Duration took, String... tags);

    MetricsRecorder NONE = new MetricsRecorder() {
        @Override
        public void count(String name, String... tags) {
        }

        @Override
        public void time(String name, Duration took, String... tags) {
        }
    };
}
