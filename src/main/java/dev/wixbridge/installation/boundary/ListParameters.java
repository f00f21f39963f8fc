package dev.wixbridge.installation.boundary;

import java.util.Optional;

import dev.wixbridge.api.ApiParameters;
import dev.wixbridge.api.InvalidApiParameter;
import dev.wixbridge.installation.control.PageCursor;
import dev.wixbridge.installation.entity.InstallationStatus;

/** The query parameters of the installations list, refusing what is malformed with a 400. */
final class ListParameters {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private ListParameters() {
    }

    static int limit(String value) {
        return ApiParameters.wholeNumber(value, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
    }

    static Optional<InstallationStatus> status(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return InstallationStatus.parse(value).map(Optional::of)
                .orElseThrow(() -> new InvalidApiParameter("status must be one of ACTIVE, REAUTH_REQUIRED, UNINSTALLED."));
    }

    /** The cursor is opaque to callers: the {@code next} of a previous page, or nothing. */
    static Optional<PageCursor> after(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        return PageCursor.parse(cursor).map(Optional::of)
                .orElseThrow(() -> new InvalidApiParameter("after must be the 'next' cursor of a previous page."));
    }
}
