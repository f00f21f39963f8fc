package dev.wixbridge.proxy.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {

    @Test
    void wix_gets_the_allowed_headers_only() {
        Map<String, List<String>> callers = headers(
                "Content-Type", "application/json", "Accept", "application/json", "Accept-Language", "de",
                "If-Match", "\"1\"", "If-None-Match", "\"2\"", "wix-site-id", "s", "Wix-Account-Id", "a",
                "Authorization", "Bearer api-key", "Cookie", "c=1", "Host", "evil", "X-Forwarded-For", "1.2.3.4",
                "Connection", "keep-alive, wix-hidden", "wix-hidden", "h", "Keep-Alive", "5", "TE", "trailers",
                "Transfer-Encoding", "chunked", "Upgrade", "h2c", "Proxy-Authorization", "Basic x", "User-Agent", "curl");

        assertThat(ForwardedHeaders.toWix(callers)).containsOnlyKeys("Content-Type", "Accept", "Accept-Language",
                "If-Match", "If-None-Match", "wix-site-id", "Wix-Account-Id");
    }

    @Test
    void the_caller_gets_all_of_wix_answer_but_cookies_and_hop_by_hop_headers() {
        Map<String, List<String>> wixs = headers(
                "Content-Type", "application/json", "ETag", "\"v1\"", "Retry-After", "3", "x-wix-request-id", "r",
                "Content-Length", "12", "Cache-Control", "no-cache",
                "Set-Cookie", "a=b", "set-cookie2", "c=d", "Connection", "close, x-private", "x-private", "p",
                "Keep-Alive", "timeout=5", "Transfer-Encoding", "chunked", "Trailer", "x", "Upgrade", "h2",
                "Proxy-Authenticate", "Basic", "TE", "x", ":status", "200");

        assertThat(ForwardedHeaders.fromWix(wixs)).containsOnlyKeys("Content-Type", "ETag", "Retry-After",
                "x-wix-request-id", "Content-Length", "Cache-Control");
    }

    private static Map<String, List<String>> headers(String... namesAndValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return headers;
    }
}
