package dev.wixbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.wixbridge.api.ApiKeys.Verdict;
import dev.wixbridge.testing.MapConfig;

class ApiKeysTest {

    private static final String FIRST = "first-api-key-of-at-least-32-characters";
    private static final String SECOND = "second-api-key-of-at-least-32-characters";

    private final ApiKeys keys = new ApiKeys();

    private void configure(String value) {
        keys.config = value == null ? MapConfig.of() : MapConfig.of(ApiKeys.KEY, value);
    }

    @Test
    void a_listed_key_is_accepted_exactly_as_listed() {
        configure(FIRST + " , " + SECOND);
        assertThat(keys.judge(FIRST)).isEqualTo(Verdict.ACCEPTED);
        assertThat(keys.judge(SECOND)).isEqualTo(Verdict.ACCEPTED);
        assertThat(keys.judge(FIRST.toUpperCase(java.util.Locale.ROOT))).isEqualTo(Verdict.REFUSED);
        assertThat(keys.judge(FIRST + "x")).isEqualTo(Verdict.REFUSED);
        assertThat(keys.judge(FIRST.substring(1))).isEqualTo(Verdict.REFUSED);
        assertThat(keys.judge("")).isEqualTo(Verdict.REFUSED);
        assertThat(keys.judge(null)).isEqualTo(Verdict.REFUSED);
    }

    @Test
    void a_changed_list_counts_at_the_next_call() {
        configure(FIRST + "," + SECOND);
        assertThat(keys.judge(SECOND)).isEqualTo(Verdict.ACCEPTED);

        configure(FIRST);
        assertThat(keys.judge(SECOND)).as("removed").isEqualTo(Verdict.REFUSED);
        assertThat(keys.isListed(SECOND::equals)).isFalse();
        assertThat(keys.judge(FIRST)).isEqualTo(Verdict.ACCEPTED);

        configure(null);
        assertThat(keys.judge(FIRST)).as("none listed").isEqualTo(Verdict.REFUSED);
    }

    @Test
    void a_short_entry_refuses_the_whole_list_and_is_named_by_position_only() {
        configure(FIRST + ",short");
        assertThat(keys.judge(FIRST)).isEqualTo(Verdict.KEYS_REFUSED);
        assertThat(keys.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .contains("entry 2 of 2").doesNotContain("short,").doesNotContain(FIRST));
    }
}
