package dev.wixbridge.proxy.control;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One request for Wix's API host, on behalf of one site. {@code rawQuery} is the caller's query
 * string as sent (null when there was none). {@code toString} hides the token.
 */
public record WixRequest(String method, ProxyPath path, String rawQuery, Map<String, List<String>> headers,
                         RequestBody body, String accessToken, Duration timeout) {

    WixRequest withAccessToken(String replacement) {
        return new WixRequest(method, path, rawQuery, headers, body, replacement, timeout);
    }

    @Override
    public String toString() {
        return method + " /" + path;
    }
}
