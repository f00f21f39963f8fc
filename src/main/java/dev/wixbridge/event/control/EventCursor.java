package dev.wixbridge.event.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/** Where a consumer of the feed stands: after the event numbered {@code seq}. Opaque to callers (base64url). */
public record EventCursor(long seq) {

    public static final EventCursor START = new EventCursor(0);

    private static final Pattern FORM = Pattern.compile("e:([0-9]{1,18})");

    /** The cursor a caller brought back, or empty when it is not one of ours. */
    public static Optional<EventCursor> parse(String token) {
        if (token == null || token.length() > 64) {
            return Optional.empty();
        }
        try {
            var matcher = FORM.matcher(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            return matcher.matches() ? Optional.of(new EventCursor(Long.parseLong(matcher.group(1)))) : Optional.empty();
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    public String token() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("e:" + seq).getBytes(StandardCharsets.UTF_8));
    }
}
