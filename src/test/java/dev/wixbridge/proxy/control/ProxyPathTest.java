package dev.wixbridge.proxy.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ProxyPathTest {

    private static final String PREFIX = "/api/installations/8a4f2a3e-1c2b-4d5e-9f00-123456789abc/wix/";

    @ParameterizedTest
    @ValueSource(strings = {"stores/v1/products/query", "apps/v1/instance", "wix-data/v2/items/query",
            "contacts/v4/contacts/a%20b", "stores/v1/products/", "a/b;c=d", "x/y:z", "%7Ba%7D", "_api/x~y"})
    void a_path_on_wix_api_is_kept_byte_for_byte(String path) {
        assertThat(ProxyPath.of(PREFIX + path, "").value()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/./b", "a/../b", "%2e%2e/x", "%2E%2e/x", "a/%2e", ".%2E", "%2e",
            "a%2fb", "a%2Fb", "a%5cb", "a%5Cb", "a\\b", "a//b", "//evil.example/x", "http://evil.example/x",
            "http:%2f%2fevil.example/x", "https:evil.example", "HTTP%3A//x", "@evil.example/x", "a%40evil.example",
            "user@evil.example", "a%00b", "a%0d%0aHost:%20evil", "a%7fb", "a b", "a\"b", "a<b", "a%zz", "a%2", "é"})
    void anything_else_is_refused(String path) {
        assertThatThrownBy(() -> ProxyPath.of(PREFIX + path, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void only_our_own_prefix_leads_to_the_path() {
        assertThat(ProxyPath.of("/ctx" + PREFIX + "apps/v1/instance", "/ctx").value()).isEqualTo("apps/v1/instance");
        assertThatThrownBy(() -> ProxyPath.of("/%61pi/installations/8a4f2a3e-1c2b-4d5e-9f00-123456789abc/wix/x", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProxyPath.of("/api/installations/8a4f/../x/wix/x", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_query_is_kept_as_sent_when_a_uri_may_carry_it() {
        assertThat(ProxyPath.query(null)).isNull();
        assertThat(ProxyPath.query("filter=%7B%22a%22%3A1%7D&x=a+b&x=2")).isEqualTo("filter=%7B%22a%22%3A1%7D&x=a+b&x=2");
        assertThatThrownBy(() -> ProxyPath.query("a=b c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProxyPath.query("a=\u0001")).isInstanceOf(IllegalArgumentException.class);
    }
}
