package dev.wixbridge.testing;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR Maven built, deployed at the context root with the settings of one test class in
 * its {@code microprofile-config.properties}: the tests exercise the artifact we ship.
 */
public final class Deployments {

    /** The Arquillian container of this run (arquillian.xml): payara-micro, wildfly or payara-server. */
    public static final String SERVER_KIND = System.getProperty("arquillian.launch", "payara-micro");
    public static final int HTTP_PORT = Integer.getInteger("it.http.port", 18080);
    public static final String SERVER = "http://localhost:" + HTTP_PORT;
    public static final String REDIRECT_URL = SERVER + "/oauth/callback";
    /** MicroProfile Health: on the HTTP port on Payara, on the management port on WildFly. */
    public static final String HEALTH = System.getProperty("it.health.url", SERVER + "/health");
    /** The database of this run: H2 in a file (auto-server, so tests can read it too) or a fresh PostgreSQL schema. */
    public static final TestDatabase DATABASE = TestDatabase.of(System.getProperty("it.db", "h2"));

    /**
     * How many requests the server under test serves at once, at least: Payara Micro's HTTP pool
     * (and Payara Server's, as setup.asadmin sets it) is larger than 100, WildFly's default worker
     * pool 16 per core (32 on CI's 2 cores).
     */
    public static final int CONCURRENT_REQUESTS = onWildFly() ? 24 : 100;

    /** Random per run: the log scan looks for it too. */
    public static final String API_KEY = "it-api-key-" + java.util.UUID.randomUUID();

    private Deployments() {
    }

    /** WildFly has no MicroProfile Metrics and a smaller worker pool. */
    public static boolean onWildFly() {
        return SERVER_KIND.equals("wildfly");
    }

    /** Settings of a complete install flow against the fake Wix. */
    public static Map<String, String> fakeWixSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("wix.app-id", FakeWix.APP_ID);
        settings.put("wix.app-secret", FakeWix.APP_SECRET);
        settings.put("wix.redirect-url", REDIRECT_URL);
        settings.put("wix.installer-url", FakeWix.baseUrl() + "/installer");
        settings.put("wix.api-url", FakeWix.baseUrl());
        String datasource = System.getProperty("it.datasource", "");
        if (datasource.isEmpty()) {
            settings.put("db.url", DATABASE.url());
            settings.put("db.user", DATABASE.user());
        } else {
            // a datasource defined in the server, over the same database the tests read
            settings.put("db.datasource", datasource);
        }
        settings.put("wix.token-keys", SealedTokens.FIRST_KEY_ID + ":" + SealedTokens.FIRST_KEY);
        settings.put("api.keys", API_KEY);
        settings.put("wix.webhook-public-key", WebhookSigner.publicKeyPem());
        return settings;
    }

    /** Settings of an app on Wix's current OAuth against the fake Wix: client credentials, no Redirect URL. */
    public static Map<String, String> oauthSettings() {
        Map<String, String> settings = fakeWixSettings();
        settings.remove("wix.redirect-url");
        settings.put("wix.auth-mode", "oauth");
        return settings;
    }

    /** The same settings as environment variables, by MicroProfile Config's mapping ({@code wix.app-id} → {@code WIX_APP_ID}). */
    public static Map<String, String> asEnvironment(Map<String, String> settings) {
        Map<String, String> environment = new LinkedHashMap<>();
        settings.forEach((key, value) -> environment.put(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT), value));
        return environment;
    }

    /** Settings of the README's run command: no Wix settings, the sandbox plays Wix on this server. */
    public static Map<String, String> sandboxSettings() {
        Map<String, String> settings = fakeWixSettings();
        for (String key : new String[] {"wix.app-id", "wix.app-secret", "wix.redirect-url", "wix.installer-url", "wix.api-url"}) {
            settings.remove(key);
        }
        settings.put("wix.sandbox.enabled", "true");
        settings.put("wix.sandbox.base-url", SERVER);
        return settings;
    }

    /** How the server stores a state (or code, or cookie): SHA-256, hex. */
    public static String fingerprint(String value) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The WAR against the fake Wix on a database of the test's own (an older release's schema, say). */
    public static WebArchive warOn(TestDatabase database) {
        Map<String, String> settings = fakeWixSettings();
        settings.put("db.url", database.url());
        settings.put("db.user", database.user());
        settings.remove("db.datasource");
        return war(settings);
    }

    public static WebArchive war(Map<String, String> settings) {
        return war(settings, "ROOT");
    }

    /** A deployment with its own name, for classes that deploy more than one; served at "/" all the same. */
    public static WebArchive war(Map<String, String> settings, String name) {
        File built = new File(System.getProperty("it.war", "target/wix-bridge.war"));
        if (!built.isFile()) {
            throw new IllegalStateException(built + " is missing: run the tests with 'mvn verify'");
        }
        if (SERVER_KIND.equals("payara-micro")) {
            // Payara Micro starts a server per deployment; WildFly and Payara Server run one for the whole suite.
            awaitPortFree(HTTP_PORT);
        }
        // Payara Micro logs as this file says (arquillian.xml: --logproperties), into the run's folder.
        TestLogging.configurationIn(java.nio.file.Path.of(System.getProperty("it.work", "target/it")));
        String properties = settings.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", "", "\n"));
        WebArchive war = ShrinkWrap.create(ZipImporter.class, name + ".war").importFrom(built).as(WebArchive.class)
                .addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties");
        if (SERVER_KIND.equals("payara-server")) {
            // what the admin's "deploy --contextroot /" says; Arquillian's deployment has no such option
            war.addAsWebInfResource(new StringAsset("<payara-web-app><context-root>/</context-root></payara-web-app>\n"), "payara-web.xml");
        }
        return war;
    }

    /**
     * The previous test class's server may still be shutting down when the next one starts:
     * a new server would then fail to bind the port. Wait (bounded) until the port is free.
     */
    private static void awaitPortFree(int port) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress(port));
                return;
            } catch (java.io.IOException stillTaken) {
                java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(200).toNanos());
            }
        }
        throw new IllegalStateException("port " + port + " is still taken after 60 s");
    }

    public static DatabaseRows database() {
        return new DatabaseRows(DATABASE.url(), DATABASE.user());
    }
}
