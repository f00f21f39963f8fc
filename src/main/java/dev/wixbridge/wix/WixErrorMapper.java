package dev.wixbridge.wix;

import static dev.wixbridge.platform.JsonValues.JSON;

import java.io.StringReader;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * The client side of every call to Wix: turns each error status into a {@link WixCallFailed}
 * whose {@link WixFailure} says what the status means, keeping {@code Retry-After}.
 */
public class WixErrorMapper implements ResponseExceptionMapper<WixCallFailed> {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,48}");

    @Override
    public WixCallFailed toThrowable(Response response) {
        int status = response.getStatus();
        Optional<String> code = status >= 400 && status < 500 && status != 429 ? errorCode(body(response)) : Optional.empty();
        return new WixCallFailed(WixFailure.ofStatus(status, retryAfter(response.getHeaderString(HttpHeaders.RETRY_AFTER)), code));
    }

    private static String body(Response response) {
        try {
            return response.readEntity(String.class);
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    /**
     * Wix's error code in an error body, where Wix put one: {@code details.applicationError.code}
     * (Wix's API errors), {@code details.code}, or OAuth's {@code error}. Only a short token of
     * letters, digits and {@code _.-} is kept: it goes into problem documents and the database.
     */
    static Optional<String> errorCode(String body) {
        if (body == null || body.isBlank() || body.length() > 16_384) {
            return Optional.empty();
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonObject json = reader.readObject();
            JsonObject details = json.get("details") instanceof JsonObject d ? d : null;
            JsonObject applicationError = details != null && details.get("applicationError") instanceof JsonObject a ? a : null;
            return Stream.of(applicationError == null ? null : applicationError.get("code"),
                            details == null ? null : details.get("code"), json.get("error"))
                    .filter(JsonString.class::isInstance).map(value -> ((JsonString) value).getString())
                    .filter(value -> CODE.matcher(value).matches()).findFirst();
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
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
