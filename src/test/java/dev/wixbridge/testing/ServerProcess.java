package dev.wixbridge.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A Payara Micro server started the way an admin would: {@code java -jar payara-micro.jar}
 * with the built WAR and the environment variables of the README, no test code inside.
 */
public final class ServerProcess implements AutoCloseable {

    /** A small, quickly started JVM: what the test servers run with unless told otherwise. */
    private static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final String name;
    private final int port;
    private final Process process;
    private final Path dir;

    private ServerProcess(String name, int port, Process process, Path dir) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.dir = dir;
    }

    public static ServerProcess start(String name, int port, Map<String, String> environment) {
        return start(name, port, environment, TEST_JVM_OPTIONS);
    }

    public static ServerProcess start(String name, int port, Map<String, String> environment, List<String> jvmOptions) {
        ServerProcess server = launch(name, port, environment, jvmOptions);
        server.awaitReady(Duration.ofSeconds(180));
        return server;
    }

    /** Starts the server and returns at once, while it boots: for tests of start-up itself. */
    public static ServerProcess launch(String name, int port, Map<String, String> environment) {
        return launch(name, port, environment, TEST_JVM_OPTIONS);
    }

    private static ServerProcess launch(String name, int port, Map<String, String> environment, List<String> jvmOptions) {
        Path dir = Path.of(System.getProperty("it.work", "target/it"), "servers", name);
        try {
            Files.createDirectories(dir);
            // A root dir kept from an earlier start holds that start's deployment: Payara Micro would
            // serve the old WAR first, then undeploy it to deploy ours (a redeploy in mid-traffic).
            deleteTree(dir.resolve("root"));
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of(
                    "-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                    "--deploy", new File(System.getProperty("it.war", "target/wix-bridge.war")).getAbsolutePath(),
                    "--contextroot", "/",
                    "--port", String.valueOf(port),
                    "--nohazelcast",
                    "--rootdir", dir.resolve("root").toString(),
                    "--prebootcommandfile", System.getProperty("it.server-config", "server-config")
                            + "/payara-micro/pre-boot-commands.asadmin"));
            // the integration tests log our FINEST lines; the benchmarks log as a production server would
            command.addAll(System.getProperty("it.test-resources", "").isEmpty()
                    ? List.of("--logtofile", dir.resolve("server.log").toString())
                    : List.of("--logproperties", TestLogging.configurationIn(dir).toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("console.log").toFile());
            builder.environment().putAll(environment);
            return new ServerProcess(name, port, builder.start(), dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start server " + name, e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Two servers with the same settings, started side by side (each takes a while). */
    public static ServerProcess[] startPair(String name, int portA, int portB, Map<String, String> environment) throws Exception {
        java.util.concurrent.CompletableFuture<ServerProcess> first =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> start(name + "-a", portA, environment));
        java.util.concurrent.CompletableFuture<ServerProcess> second =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> start(name + "-b", portB, environment));
        return new ServerProcess[] {first.get(), second.get()};
    }

    /** Stops each server that started, then scans its log for every secret the fake Wix issued. */
    public static void stopAndScanLogs(ServerProcess... servers) {
        for (ServerProcess server : servers) {
            if (server != null) {
                server.close();
                ServerLog.assertHoldsNone(server.log(), FakeWix.shared().secrets());
            }
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The server's resident memory now, in MiB (Linux). */
    public long residentMiB() {
        try {
            String status = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "status"));
            for (String line : status.split("\n")) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** All this server logged so far. */
    public String log() {
        return ServerLog.text(dir);
    }

    /** {@code kill -9}: no shutdown hook, no rollback, connections just vanish. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }

    private void awaitReady(Duration limit) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server " + name + " exited with " + process.exitValue());
            }
            try {
                // as a load balancer would: readiness alone (ReadinessAtStartIT holds it to that)
                if (answers200(client, "/health/ready")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
        close();
        throw new IllegalStateException("server " + name + " not ready within " + limit);
    }

    private boolean answers200(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }
}
