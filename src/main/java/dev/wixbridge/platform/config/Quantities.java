package dev.wixbridge.platform.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations and sizes as admins write them in settings: {@code 10s}, {@code 500ms}, {@code 2m} or
 * ISO-8601 ({@code PT10S}); {@code 10MiB}, {@code 512KiB} or a number of bytes. Empty when the text
 * is none of these, so the caller can name the key in its message.
 */
public final class Quantities {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(|b|kib|kb|k|mib|mb|m|gib|gb|g)");

    private Quantities() {
    }

    public static Optional<Duration> duration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = DURATION.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return Optional.of(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
        }
        try {
            return Optional.of(Duration.parse(text.strip())).filter(duration -> !duration.isNegative());
        } catch (DateTimeParseException notIso) {
            return Optional.empty();
        }
    }

    /** Binary units whichever way they are spelled: {@code 10MB} is 10 × 1024 × 1024 bytes, as {@code 10MiB}. */
    public static Optional<Long> bytes(String text) {
        Matcher matcher = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        int shift = switch (matcher.group(2)) {
            case "", "b" -> 0;
            case "kib", "kb", "k" -> 10;
            case "mib", "mb", "m" -> 20;
            default -> 30;
        };
        return amount > (Long.MAX_VALUE >> shift) ? Optional.empty() : Optional.of(amount << shift);
    }
}
