package dev.wixbridge.wix;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import dev.wixbridge.proxy.control.ForwardedHeaders;
import dev.wixbridge.proxy.control.RequestBody;
import dev.wixbridge.proxy.control.WixAnswer;
import dev.wixbridge.proxy.control.WixApi;
import dev.wixbridge.proxy.control.WixRequest;
import dev.wixbridge.proxy.control.WixUnreachable;

/**
 * The API proxy's calls: {@code {wix.api-url}/{path}?{query}}, with the site's access token as
 * {@code Authorization} (raw, as every call of ours to Wix sends it). The answer's body is handed
 * over unread, to be streamed to the caller.
 */
@ApplicationScoped
class WixApiForwarder implements WixApi {

    @Inject
    WixClients clients;

    @Inject
    WixSettings settings;

    /** @throws IllegalArgumentException when the caller's request cannot be sent as it is (a reason fit for the caller) */
    @Override
    public WixAnswer send(WixRequest request) throws WixUnreachable {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target(request)).timeout(request.timeout())
                .method(request.method(), publisher(request.body()));
        request.headers().forEach((name, values) -> values.forEach(value -> {
            try {
                builder.header(name, value);
            } catch (IllegalArgumentException notSendable) {
                throw new IllegalArgumentException("The header " + name + " holds a value that cannot be sent on.");
            }
        }));
        builder.header(HttpHeaders.AUTHORIZATION, request.accessToken());
        try {
            HttpResponse<InputStream> response = clients.http().send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new WixAnswer(response.statusCode(), ForwardedHeaders.fromWix(response.headers().map()),
                    WixErrorMapper.retryAfter(response.headers().firstValue(HttpHeaders.RETRY_AFTER).orElse(null)),
                    response.body());
        } catch (IOException e) {
            // Refused, timed out (HttpTimeoutException) or cut before an answer began; the message names no token.
            throw new WixUnreachable(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WixUnreachable("interrupted");
        }
    }

    /** Only ever on {@code wix.api-url}: the path was checked, and the built URI is checked again here. */
    private URI target(WixRequest request) {
        URI base = settings.apiUrl();
        URI target = URI.create(base + "/" + request.path().value() + (request.rawQuery() == null ? "" : "?" + request.rawQuery()));
        if (!base.getScheme().equals(target.getScheme()) || !base.getHost().equals(target.getHost())
                || base.getPort() != target.getPort()) {
            throw new IllegalArgumentException("The path leaves Wix's API host.");
        }
        return target;
    }

    private static HttpRequest.BodyPublisher publisher(RequestBody body) {
        if (body.length() == 0) {
            return HttpRequest.BodyPublishers.noBody();
        }
        return body.bytes().map(HttpRequest.BodyPublishers::ofByteArray).orElseGet(() -> {
            try {
                return HttpRequest.BodyPublishers.ofFile(body.file().orElseThrow());
            } catch (FileNotFoundException e) {
                throw new IllegalStateException("the spooled request body is gone", e);
            }
        });
    }
}
