package dev.wixbridge.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class QuantitiesTest {

    @Test
    void durations() {
        assertThat(Quantities.duration("10s")).hasValue(Duration.ofSeconds(10));
        assertThat(Quantities.duration(" 500 ms ")).hasValue(Duration.ofMillis(500));
        assertThat(Quantities.duration("2m")).hasValue(Duration.ofMinutes(2));
        assertThat(Quantities.duration("1H")).hasValue(Duration.ofHours(1));
        assertThat(Quantities.duration("PT1M30S")).hasValue(Duration.ofSeconds(90));
        assertThat(Quantities.duration("10")).isEmpty();
        assertThat(Quantities.duration("-PT1S")).isEmpty();
        assertThat(Quantities.duration("ten seconds")).isEmpty();
    }

    @Test
    void sizes() {
        assertThat(Quantities.bytes("1048576")).hasValue(1048576L);
        assertThat(Quantities.bytes("10MiB")).hasValue(10L << 20);
        assertThat(Quantities.bytes("10 MB")).hasValue(10L << 20);
        assertThat(Quantities.bytes("64k")).hasValue(64L << 10);
        assertThat(Quantities.bytes("1GiB")).hasValue(1L << 30);
        assertThat(Quantities.bytes("1.5MiB")).isEmpty();
        assertThat(Quantities.bytes("999999999999GiB")).isEmpty();
        assertThat(Quantities.bytes("lots")).isEmpty();
    }
}
