package dev.wixbridge.testing;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** The team's other software, calling the protected API with an API key. */
public final class ApiClient {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Optional<String> key;
    private final String server;

    private ApiClient(Optional<String> key, String server) {
        this.key = key;
        this.server = server;
    }

    public static ApiClient withKey(String key) {
        return new ApiClient(Optional.of(key), Deployments.SERVER);
    }

    public static ApiClient withoutKey() {
        return new ApiClient(Optional.empty(), Deployments.SERVER);
    }

    /** The same client, talking to another server. */
    public ApiClient at(String otherServer) {
        return new ApiClient(key, otherServer);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** GET of a full URL, e.g. the health endpoint, which may be on another port. */
    public HttpResponse<String> getUrl(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET());
    }

    public HttpResponse<String> post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpResponse<String> put(String path) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        key.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("API call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request to the API; a generous timeout bounds how long any test waits for an answer. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofSeconds(60));
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
