package dev.wixbridge.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * MicroProfile Config over a map, for unit tests of the classes that read settings. Converts as
 * the specification's built-in converters do: a value that does not convert throws
 * {@link IllegalArgumentException}.
 */
public final class MapConfig implements Config {

    private final Map<String, String> values = new HashMap<>();

    public static MapConfig of(String... keysAndValues) {
        MapConfig config = new MapConfig();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }

    public MapConfig with(String key, String value) {
        values.put(key, value);
        return this;
    }

    @Override
    public <T> T getValue(String propertyName, Class<T> propertyType) {
        return getOptionalValue(propertyName, propertyType).orElseThrow(() -> new NoSuchElementException(propertyName));
    }

    @Override
    public ConfigValue getConfigValue(String propertyName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> Optional<T> getOptionalValue(String propertyName, Class<T> propertyType) {
        String value = values.get(propertyName);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(convert(value, propertyType));
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return List.copyOf(values.keySet());
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return Optional.of(value -> convert(value, forType));
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new IllegalArgumentException();
    }

    private static <T> T convert(String value, Class<T> type) {
        Object converted;
        if (type == String.class) {
            converted = value;
        } else if (type == Long.class) {
            converted = Long.valueOf(value.strip());
        } else if (type == Integer.class) {
            converted = Integer.valueOf(value.strip());
        } else if (type == Boolean.class) {
            converted = Boolean.valueOf(value.strip());
        } else {
            throw new IllegalArgumentException("no converter for " + type);
        }
        return type.cast(converted);
    }
}
