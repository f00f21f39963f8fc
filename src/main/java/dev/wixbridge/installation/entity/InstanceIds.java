package dev.wixbridge.installation.entity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a Wix app instance id looks like (a UUID), and its one stored spelling (lower case). */
public final class InstanceIds {

    public static final Pattern FORMAT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private InstanceIds() {
    }

    /** The id as stored, or empty when {@code value} is not an instance id. */
    public static Optional<String> parse(String value) {
        return value != null && value.length() <= 64 && FORMAT.matcher(value).matches()
                ? Optional.of(value.toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
