package dev.wixbridge.event.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The feed's cursor: opaque, and nothing else parses as one. */
class EventCursorTest {

    @Test
    void a_cursor_comes_back_as_it_was_given() {
        assertThat(EventCursor.parse(new EventCursor(42).token())).hasValue(new EventCursor(42));
        assertThat(EventCursor.parse(EventCursor.START.token())).hasValue(EventCursor.START);
    }

    @Test
    void anything_else_is_not_a_cursor() {
        assertThat(EventCursor.parse(null)).isEmpty();
        assertThat(EventCursor.parse("42")).isEmpty();
        assertThat(EventCursor.parse("not base64 !")).isEmpty();
        assertThat(EventCursor.parse(Base64.getUrlEncoder().encodeToString("e:-1".getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(EventCursor.parse(Base64.getUrlEncoder().encodeToString("e:1234567890123456789".getBytes(StandardCharsets.UTF_8))))
                .as("beyond a long").isEmpty();
    }
}
