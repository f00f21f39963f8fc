package dev.wixbridge.installation.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.wixbridge.api.InvalidApiParameter;
import dev.wixbridge.installation.control.PageCursor;
import dev.wixbridge.installation.entity.InstallationStatus;

/** The list's query parameters: defaults, bounds, and a 400 for anything malformed. */
class ListParametersTest {

    @Test
    void the_limit_defaults_to_fifty_and_stays_within_one_and_five_hundred() {
        assertThat(ListParameters.limit(null)).isEqualTo(50);
        assertThat(ListParameters.limit("")).isEqualTo(50);
        assertThat(ListParameters.limit("1")).isEqualTo(1);
        assertThat(ListParameters.limit("500")).isEqualTo(500);
    }

    @Test
    void a_limit_out_of_bounds_or_not_a_number_is_refused() {
        for (String bad : new String[] {"0", "501", "-1", "ten", "1.5", "99999999999"}) {
            assertThatThrownBy(() -> ListParameters.limit(bad)).as(bad).isInstanceOf(InvalidApiParameter.class)
                    .hasMessageContaining("1 to 500");
        }
    }

    @Test
    void a_status_is_one_of_the_three() {
        assertThat(ListParameters.status(null)).isEmpty();
        assertThat(ListParameters.status("REAUTH_REQUIRED")).hasValue(InstallationStatus.REAUTH_REQUIRED);
        assertThatThrownBy(() -> ListParameters.status("active")).isInstanceOf(InvalidApiParameter.class);
    }

    @Test
    void the_after_cursor_must_be_one_we_gave() {
        PageCursor cursor = new PageCursor("8a4f2a3e-1c2b-4d5e-9f00-123456789abc");

        assertThat(ListParameters.after(null)).isEmpty();
        assertThat(ListParameters.after(cursor.token())).hasValue(cursor);
        assertThatThrownBy(() -> ListParameters.after("made-up")).isInstanceOf(InvalidApiParameter.class)
                .hasMessageContaining("'next' cursor");
    }
}
