package dev.wixbridge.proxy.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.commons.io.IOUtils;
import org.apache.commons.io.output.DeferredFileOutputStream;

/**
 * A proxied request's body, read before anything is sent: in memory up to {@link #IN_MEMORY},
 * beyond that in a temporary file readable by this process only (as nginx buffers request bodies).
 * Read whole first so that a body over the limit is refused before Wix hears of it, even when the
 * caller sent no {@code Content-Length}, and so that the request can be sent again after a 401.
 */
public final class RequestBody implements AutoCloseable {

    static final int IN_MEMORY = 64 * 1024;
    private static final RequestBody EMPTY = new RequestBody(new byte[0], null, 0);

    private final byte[] data;
    private final Path file;
    private final long length;

    private RequestBody(byte[] data, Path file, long length) {
        this.data = data;
        this.file = file;
        this.length = length;
    }

    public static RequestBody empty() {
        return EMPTY;
    }

    /** Reads {@code in} whole, or refuses it at the first byte over {@code maxBytes}. */
    public static RequestBody read(InputStream in, long maxBytes) throws TooLarge, IOException {
        if (in == null) {
            return EMPTY;
        }
        DeferredFileOutputStream spool = DeferredFileOutputStream.builder().setThreshold(IN_MEMORY)
                .setPrefix("wixbridge-proxy-").setSuffix(".body").get();
        long length;
        try (spool) {
            length = IOUtils.copyLarge(in, spool, 0, maxBytes + 1);
        } catch (IOException | RuntimeException e) {
            delete(spool);
            throw e;
        }
        if (length > maxBytes) {
            delete(spool);
            throw new TooLarge(maxBytes);
        }
        return spool.isInMemory() ? new RequestBody(spool.getData(), null, length) : new RequestBody(null, spool.getPath(), length);
    }

    public long length() {
        return length;
    }

    /** The body when it is held in memory. */
    public Optional<byte[]> bytes() {
        return Optional.ofNullable(data);
    }

    /** The file holding the body when it was too large for memory. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void delete(DeferredFileOutputStream spool) throws IOException {
        if (!spool.isInMemory()) {
            Files.deleteIfExists(spool.getPath());
        }
    }

    /** The body is larger than the proxy passes on. */
    public static final class TooLarge extends Exception {
        private final long limit;

        TooLarge(long limit) {
            super("request body over " + limit + " bytes", null, false, false);
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
