package dev.wixbridge.wix;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * The client side of every call to Wix: turns each error status into a {@link WixCallFailed}
 * whose {@link WixFailure} says what the status means, keeping {@code Retry-After}.
 */
public class WixErrorMapper implements ResponseExceptionMapper<WixCallFailed> {

    @Override
    public WixCallFailed toThrowable(Response response) {
        return new WixCallFailed(WixFailure.ofStatus(response.getStatus(),
                retryAfter(response.getHeaderString(HttpHeaders.RETRY_AFTER))));
    }

    static Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
