package dev.wixbridge.installation.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import dev.wixbridge.installation.entity.InstanceIds;

/**
 * Where the next page of installations starts: after the last instance id of the previous
 * page. Opaque to callers (base64url), so the paging scheme can change without breaking them;
 * the API and the admin page use the same cursors.
 */
public record PageCursor(String afterInstanceId) {

    /** The cursor a caller brought back, or empty when it is not one of ours. */
    public static Optional<PageCursor> parse(String token) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            return Optional.empty();
        }
        try {
            return InstanceIds.parse(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8))
                    .map(PageCursor::new);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** What callers are given, and bring back. */
    public String token() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(afterInstanceId.getBytes(StandardCharsets.UTF_8));
    }
}
