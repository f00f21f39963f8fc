package dev.wixbridge.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class UrlsTest {

    @Test
    void encodes_every_value_and_keeps_the_order() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("token", "a b&c=d");
        query.put("redirectUrl", "https://x.example/cb?x=1");

        assertThat(Urls.withQuery(URI.create("https://www.wix.com/installer"), "install", query))
                .hasToString("https://www.wix.com/installer/install?token=a+b%26c%3Dd&redirectUrl=https%3A%2F%2Fx.example%2Fcb%3Fx%3D1");
    }

    @Test
    void appends_to_a_query_the_base_already_has_and_drops_a_fragment() {
        assertThat(Urls.withQuery(URI.create("https://team.example/welcome?from=wix#top"), "", Map.of("instanceId", "i-1")))
                .hasToString("https://team.example/welcome?from=wix&instanceId=i-1");
    }
}
