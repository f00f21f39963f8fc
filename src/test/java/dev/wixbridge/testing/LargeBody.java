package dev.wixbridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A large body of known bytes, written and hashed in chunks so that no side holds it whole. */
public final class LargeBody {

    private static final int CHUNK = 64 * 1024;

    private LargeBody() {
    }

    public static void write(long length, OutputStream out) throws IOException {
        byte[] chunk = new byte[CHUNK];
        for (long written = 0; written < length; ) {
            int n = (int) Math.min(CHUNK, length - written);
            fill(chunk, written, n);
            out.write(chunk, 0, n);
            written += n;
        }
    }

    /** SHA-256 (hex) of the first {@code length} bytes. */
    public static String sha256(long length) {
        MessageDigest digest = digest();
        byte[] chunk = new byte[CHUNK];
        for (long done = 0; done < length; ) {
            int n = (int) Math.min(CHUNK, length - done);
            fill(chunk, done, n);
            digest.update(chunk, 0, n);
            done += n;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 (hex) and length of what {@code in} holds, read in chunks. */
    public static Hashed sha256(InputStream in) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[CHUNK];
        long length = 0;
        for (int n; (n = in.read(buffer)) > 0; length += n) {
            digest.update(buffer, 0, n);
        }
        return new Hashed(length, HexFormat.of().formatHex(digest.digest()));
    }

    /** A stream of the first {@code length} bytes. */
    public static InputStream stream(long length) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < length ? byteAt(position++) & 0xff : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) {
                if (position >= length) {
                    return -1;
                }
                int n = (int) Math.min(count, length - position);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = byteAt(position + i);
                }
                position += n;
                return n;
            }
        };
    }

    public record Hashed(long length, String sha256) {
    }

    private static void fill(byte[] chunk, long offset, int n) {
        for (int i = 0; i < n; i++) {
            chunk[i] = byteAt(offset + i);
        }
    }

    private static byte byteAt(long position) {
        return (byte) ((position * 31 + (position >>> 13)) & 0xff);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
