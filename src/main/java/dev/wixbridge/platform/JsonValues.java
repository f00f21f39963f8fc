package dev.wixbridge.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. Each {@code jakarta.json.JSON.createX} call looks the
 * provider up again through {@code ServiceLoader}, a class-path scan of the WAR per call: in a
 * profile of the webhook and event-feed benchmarks it was a tenth of the server's CPU.
 */
public final class JsonValues {

    /** Use as {@code JSON.createObjectBuilder()} where {@code Json.createObjectBuilder()} was. */
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonValues() {
    }
}
