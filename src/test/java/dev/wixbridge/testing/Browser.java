package dev.wixbridge.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A browser as far as the install flow cares: keeps cookies, does not follow redirects by
 * itself so each hop can be checked.
 */
public final class Browser {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder()
            // Browsers speak HTTP/1.1 to an http:// site; the JDK client would try an h2c upgrade.
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public HttpResponse<String> get(String url) {
        return get(URI.create(url));
    }

    public HttpResponse<String> get(URI url) {
        return send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).GET().build());
    }

    /** Loads the page a redirect points to. */
    public HttpResponse<String> follow(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location in answer " + redirect.statusCode() + ": " + redirect.body()));
        return get(redirect.uri().resolve(location));
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + request.uri().getPath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void forgetCookies() {
        cookies.getCookieStore().removeAll();
    }
}
