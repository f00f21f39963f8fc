package dev.wixbridge.proxy.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Wix's answer as it arrives: the body is read as it comes, and closing it gives the connection back or drops it. */
public record WixAnswer(int status, Map<String, List<String>> headers, Optional<Duration> retryAfter, InputStream body)
        implements AutoCloseable {

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
