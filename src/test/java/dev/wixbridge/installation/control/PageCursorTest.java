package dev.wixbridge.installation.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one paging cursor of the API and the admin page. */
class PageCursorTest {

    private static final String SITE = "8a4f2a3e-1c2b-4d5e-9f00-123456789abc";

    @Test
    void a_cursor_comes_back_as_it_was_given() {
        String token = new PageCursor(SITE).token();

        assertThat(PageCursor.parse(token)).hasValue(new PageCursor(SITE));
    }

    @Test
    void the_cursor_is_opaque_and_url_safe() {
        assertThat(new PageCursor(SITE).token()).doesNotContain(SITE).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void anything_else_is_not_a_cursor() {
        assertThat(PageCursor.parse(null)).isEmpty();
        assertThat(PageCursor.parse("")).isEmpty();
        assertThat(PageCursor.parse("not base64 !")).isEmpty();
        assertThat(PageCursor.parse(java.util.Base64.getUrlEncoder().encodeToString("not-an-instance-id".getBytes()))).isEmpty();
        assertThat(PageCursor.parse("A".repeat(200))).isEmpty();
    }

    @Test
    void a_cursor_in_upper_case_reads_as_the_stored_spelling() {
        String upper = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(SITE.toUpperCase().getBytes());

        assertThat(PageCursor.parse(upper)).hasValue(new PageCursor(SITE));
    }
}
