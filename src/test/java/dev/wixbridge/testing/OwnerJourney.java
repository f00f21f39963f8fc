package dev.wixbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The steps a site owner's browser takes through the install, for tests to stop at any of them. */
public final class OwnerJourney {

    public static final String APP_URL = Deployments.SERVER + "/install";

    private OwnerJourney() {
    }

    /** Wix sends the browser to our App URL, which sends it to Wix's consent page. */
    public static HttpResponse<String> openAppUrl(Browser browser, FakeWix.Site site) {
        return browser.get(APP_URL + "?token=" + site.installToken());
    }

    /** App URL, then consent: returns the Redirect URL Wix sends the browser to, not yet loaded. */
    public static URI approve(Browser browser, FakeWix.Site site) {
        HttpResponse<String> toConsent = openAppUrl(browser, site);
        assertThat(toConsent.statusCode()).as("App URL").isEqualTo(302);
        HttpResponse<String> toCallback = browser.follow(toConsent);
        assertThat(toCallback.statusCode()).as("Wix consent: " + toCallback.body()).isEqualTo(302);
        return URI.create(toCallback.headers().firstValue("Location").orElseThrow());
    }

    /** The whole install; returns the callback's answer (a redirect when it worked). */
    public static HttpResponse<String> install(Browser browser, FakeWix.Site site) {
        return browser.get(approve(browser, site));
    }

    public static Map<String, String> queryOf(URI uri) {
        Map<String, String> values = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    public static Map<String, String> locationQuery(HttpResponse<String> redirect) {
        return queryOf(URI.create(redirect.headers().firstValue("Location").orElseThrow()));
    }

    /** The same URL with one query parameter's value replaced. */
    public static URI withParameter(URI url, String name, String value) {
        Map<String, String> query = queryOf(url);
        query.put(name, value);
        StringBuilder rebuilt = new StringBuilder();
        query.forEach((key, v) -> rebuilt.append(rebuilt.length() == 0 ? "?" : "&").append(key).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String base = url.toString();
        return URI.create(base.substring(0, base.indexOf('?')) + rebuilt);
    }
}
