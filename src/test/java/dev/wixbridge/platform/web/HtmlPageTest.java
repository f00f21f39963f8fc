package dev.wixbridge.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class HtmlPageTest {

    @Test
    void escapes_everything_it_shows() {
        String html = new HtmlPage(Response.Status.BAD_REQUEST, "<script>", "a & \"b\"", "it's").html();

        assertThat(html).contains("<h1>&lt;script&gt;</h1>", "a &amp; &quot;b&quot;", "it&#39;s")
                .doesNotContain("<script>");
    }
}
