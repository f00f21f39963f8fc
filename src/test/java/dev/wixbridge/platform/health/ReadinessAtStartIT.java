package dev.wixbridge.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

import dev.wixbridge.testing.Concurrently;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.ServerProcess;

/**
 * A load balancer that sends traffic at the first UP of {@code /health/ready}: a Payara Micro
 * server is started, readiness polled from its first breath, and at the first 200 the App URL,
 * the token API and the home page are asked at once. None may answer 5xx or an error page of
 * the server's own: readiness says UP only once the WAR serves.
 */
class ReadinessAtStartIT {

    private static final int PORT = 18088;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();
    private ServerProcess server;

    @AfterEach
    void stop() {
        ServerProcess.stopAndScanLogs(server);
    }

    @RepeatedTest(3)
    void the_first_up_of_readiness_comes_once_the_war_answers() throws Exception {
        assumeTrue("h2".equals(System.getProperty("it.db")), "one database is enough to watch a start");
        Map<String, String> settings = Deployments.fakeWixSettings();
        settings.put("db.url", "jdbc:h2:" + System.getProperty("it.work", "target/it") + "/servers/readiness/db;LOCK_TIMEOUT=10000");
        server = ServerProcess.launch("readiness", PORT, Deployments.asEnvironment(settings));
        awaitFirstReady();

        String[] paths = {"/install?token=t", "/api/installations/unknown-site/token", "/"};
        List<String> answers = Concurrently.call(30, i -> send(paths[i % paths.length])).stream()
                .map(ReadinessAtStartIT::describe).toList();
        assertThat(answers).allSatisfy(answer -> assertThat(answer).matches(
                "/install\\?token=t 302 .*/installer/install\\?.*"
                        + "|/api/installations/unknown-site/token 404 application/problem\\+json.*"
                        + "|/ 200 text/html.*"));
    }

    private void awaitFirstReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("server running").isTrue();
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(server.url() + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the port opens a moment into the start
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        throw new AssertionError("readiness never said UP");
    }

    private HttpResponse<String> send(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                    .header("Authorization", "Bearer " + Deployments.API_KEY).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String describe(HttpResponse<String> answer) {
        String target = answer.uri().getRawPath() + (answer.uri().getRawQuery() == null ? "" : "?" + answer.uri().getRawQuery());
        return target + " " + answer.statusCode() + " "
                + answer.headers().firstValue("Content-Type").orElse("-") + " "
                + answer.headers().firstValue("Location").orElse("") + " "
                + (answer.statusCode() >= 500 ? answer.body().replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ") : "");
    }
}
