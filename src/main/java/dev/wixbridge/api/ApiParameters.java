package dev.wixbridge.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.wixbridge.installation.entity.InstallationStatus;
import dev.wixbridge.installation.entity.InstanceIds;

/** Reads the API's path and query parameters, refusing what is malformed with a 400. */
final class ApiParameters {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private ApiParameters() {
    }

    static String instanceId(String value) {
        return InstanceIds.parse(value)
                .orElseThrow(() -> new InvalidApiParameter("instanceId must be a Wix instance id (a UUID)."));
    }

    static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        if (!DIGITS.matcher(value).matches() || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_LIMIT) {
            throw new InvalidApiParameter("limit must be a whole number from 1 to " + MAX_LIMIT + ".");
        }
        return Integer.parseInt(value);
    }

    static Optional<InstallationStatus> status(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InstallationStatus.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidApiParameter("status must be one of ACTIVE, REAUTH_REQUIRED, UNINSTALLED.");
        }
    }

    /** The cursor is opaque to callers: the last instance id of the previous page, base64url. */
    static Optional<String> after(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(instanceId(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | InvalidApiParameter e) {
            throw new InvalidApiParameter("after must be the 'next' cursor of a previous page.");
        }
    }

    static String cursorAfter(String instanceId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(instanceId.getBytes(StandardCharsets.UTF_8));
    }
}
