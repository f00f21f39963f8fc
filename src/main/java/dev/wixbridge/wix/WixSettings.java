package dev.wixbridge.wix;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import dev.wixbridge.platform.config.SandboxMode;
import dev.wixbridge.platform.security.SecureTokens;
import dev.wixbridge.proxy.control.ProxySettings;
import dev.wixbridge.token.control.TokenSettings;

/**
 * The Wix app's settings, read from MicroProfile Config (so {@code WIX_APP_ID} in the
 * environment works as well as {@code wix.app-id} in a properties file).
 *
 * <p>Required keys are read as optional on purpose: a missing key must not stop the
 * deployment, it must produce a clear message naming the key (see {@link #problems()}).
 * Values are read on every call so that a config source that changes at run time is honoured
 * ({@link #problems()} within a second).
 */
@ApplicationScoped
public class WixSettings {

    public static final String AUTH_MODE = "wix.auth-mode";
    public static final String APP_ID = "wix.app-id";
    public static final String APP_SECRET = "wix.app-secret";
    public static final String REDIRECT_URL = "wix.redirect-url";
    public static final String INSTALLER_URL = "wix.installer-url";
    public static final String API_URL = "wix.api-url";
    public static final String AFTER_INSTALL = "wix.after-install";
    public static final String CONNECT_TIMEOUT = "wix.connect-timeout-ms";
    public static final String READ_TIMEOUT = "wix.read-timeout-ms";
    public static final String ACCESS_TOKEN_TTL = "wix.access-token-ttl-seconds";

    public static final String WEBHOOK_PUBLIC_KEY = "wix.webhook-public-key";

    public static final String SANDBOX = SandboxMode.ENABLED;
    public static final String SANDBOX_BASE_URL = "wix.sandbox.base-url";
    /** The app id the sandbox plays; never a real Wix app's. */
    public static final String SANDBOX_APP_ID = "sandbox-app";

    static final String DEFAULT_INSTALLER_URL = "https://www.wix.com/installer";
    static final String DEFAULT_API_URL = "https://www.wixapis.com";
    /** The {@code wix.after-install} value that lets Wix close its install window. */
    public static final String CLOSE_WINDOW = "close-window";

    @Inject
    Config config;

    private volatile ParsedKey parsedKey;

    /**
     * The settings are checked again at most once a second: the gates ask on every API call, and
     * a check reads some twenty values; a config source that changes at run time is honoured
     * within the second.
     */
    private static final long RECHECK_NANOS = 1_000_000_000L;
    private volatile Checked lastCheck;

    private record Checked(long atNanos, List<String> problems) {
    }

    /** The sandbox's app secret: new at every start, known only to this server. */
    private final String sandboxSecret = SecureTokens.newToken();

    /** Whether the sandbox plays Wix ({@link SandboxMode}). */
    public boolean sandboxActive() {
        return SandboxMode.isActive(config);
    }

    /**
     * How the app authenticates. A value other than {@code custom} or {@code oauth} is one of
     * the {@link #problems()}, which keep the install URLs and the token API closed.
     */
    public AuthMode authMode() {
        return text(AUTH_MODE).flatMap(AuthMode::parse).orElse(AuthMode.CUSTOM);
    }

    public String appId() {
        return sandboxActive() ? SANDBOX_APP_ID : required(APP_ID);
    }

    /** Never log, print or show this value. */
    public String appSecret() {
        return sandboxActive() ? sandboxSecret : required(APP_SECRET);
    }

    public URI redirectUrl() {
        return URI.create(sandboxActive() ? sandboxBaseUrl() + "/oauth/callback" : required(REDIRECT_URL));
    }

    /**
     * Whether our public address is https, as the configured Redirect URL says (TLS usually ends at
     * a proxy, so a request's own scheme says nothing). Without one configured: assumed so, since a
     * browser keeps a {@code Secure} cookie of {@code http://localhost} as well.
     */
    public boolean isPublicUrlHttps() {
        if (sandboxActive()) {
            return sandboxBaseUrl().startsWith("https:");
        }
        return text(REDIRECT_URL).map(url -> url.regionMatches(true, 0, "https:", 0, 6)).orElse(true);
    }

    public URI installerUrl() {
        return URI.create(sandboxActive() ? sandboxBaseUrl() + "/sandbox/installer"
                : withoutTrailingSlash(text(INSTALLER_URL).orElse(DEFAULT_INSTALLER_URL)));
    }

    public URI apiUrl() {
        return URI.create(sandboxActive() ? sandboxBaseUrl() + "/sandbox/api"
                : withoutTrailingSlash(text(API_URL).orElse(DEFAULT_API_URL)));
    }

    /** Where this server answers, for the sandbox's own redirects (default http://localhost:8080). */
    public String sandboxBaseUrl() {
        return withoutTrailingSlash(text(SANDBOX_BASE_URL).orElse("http://localhost:8080"));
    }

    /** Empty when Wix should close its window; otherwise the team's own page. */
    Optional<URI> afterInstallPage() {
        String value = text(AFTER_INSTALL).orElse(CLOSE_WINDOW);
        return CLOSE_WINDOW.equals(value) ? Optional.empty() : Optional.of(URI.create(value));
    }

    public Duration connectTimeout() {
        return Duration.ofMillis(config.getOptionalValue(CONNECT_TIMEOUT, Long.class).orElse(5_000L));
    }

    public Duration readTimeout() {
        return Duration.ofMillis(config.getOptionalValue(READ_TIMEOUT, Long.class).orElse(10_000L));
    }

    /** How long an access token lives when Wix's answer does not say (Wix documents 5 minutes). */
    public Duration accessTokenTtl() {
        return Duration.ofSeconds(config.getOptionalValue(ACCESS_TOKEN_TTL, Long.class).orElse(300L));
    }

    /**
     * What is wrong with the configuration, in words an admin can act on; empty when the
     * install flow can run. Names keys, never values.
     */
    public List<String> problems() {
        Checked last = lastCheck;
        long now = System.nanoTime();
        if (last == null || now - last.atNanos() >= RECHECK_NANOS) {
            last = new Checked(now, List.copyOf(check()));
            lastCheck = last;
        }
        return last.problems();
    }

    private List<String> check() {
        List<String> problems = new ArrayList<>();
        text(AUTH_MODE).filter(value -> AuthMode.parse(value).isEmpty())
                .ifPresent(value -> problems.add(AUTH_MODE + " must be 'custom' or 'oauth' (environment variable "
                        + environmentName(AUTH_MODE) + ")"));
        for (String key : requiredKeys()) {
            if (text(key).isEmpty()) {
                problems.add(key + " is not set (environment variable " + environmentName(key) + ")");
            }
        }
        for (String key : List.of(REDIRECT_URL, INSTALLER_URL, API_URL)) {
            text(key).filter(value -> !isAbsoluteHttpUrl(value))
                    .ifPresent(value -> problems.add(key + " must be an absolute http(s) URL"));
        }
        text(AFTER_INSTALL).filter(value -> !CLOSE_WINDOW.equals(value) && !isAbsoluteHttpUrl(value))
                .ifPresent(value -> problems.add(AFTER_INSTALL + " must be '" + CLOSE_WINDOW + "' or an absolute http(s) URL"));
        for (String key : List.of(CONNECT_TIMEOUT, READ_TIMEOUT, ACCESS_TOKEN_TTL, TokenSettings.REFRESH_SKEW,
                TokenSettings.REFRESH_COMPLETION)) {
            try {
                config.getOptionalValue(key, Long.class).filter(n -> n <= 0)
                        .ifPresent(n -> problems.add(key + " must be a positive whole number"));
            } catch (IllegalArgumentException notANumber) {
                problems.add(key + " must be a positive whole number");
            }
        }
        problems.addAll(ProxySettings.problems(config));
        try {
            if (problems.isEmpty() && accessTokenTtl().compareTo(TokenSettings.refreshSkew(config)) <= 0) {
                problems.add(ACCESS_TOKEN_TTL + " must be longer than " + TokenSettings.REFRESH_SKEW);
            }
            if (problems.isEmpty() && TokenSettings.refreshCompletion(config).compareTo(readTimeout()) < 0) {
                problems.add(TokenSettings.REFRESH_COMPLETION + " must be at least " + READ_TIMEOUT);
            }
        } catch (IllegalArgumentException notANumber) {
            // reported above
        }
        return problems;
    }

    /** In {@code oauth} mode there is no handshake, so no Redirect URL to know. */
    private List<String> requiredKeys() {
        if (sandboxActive()) {
            return List.of();
        }
        return authMode() == AuthMode.OAUTH ? List.of(APP_ID, APP_SECRET) : List.of(APP_ID, APP_SECRET, REDIRECT_URL);
    }

    /**
     * The public key Wix signs webhooks with ({@code wix.webhook-public-key}, PEM as Wix shows it;
     * line breaks may be written as {@code \\n} in an environment variable). Empty when not set or
     * not a usable RSA key (see {@link #webhookProblems()}).
     */
    public Optional<RSAPublicKey> webhookPublicKey() {
        Optional<String> pem = text(WEBHOOK_PUBLIC_KEY);
        ParsedKey parsed = parsedKey;
        if (parsed == null || !parsed.pem().equals(pem)) {
            // Parsed again only when the setting changes: every webhook needs the key.
            parsed = parsedKey = new ParsedKey(pem, pem.flatMap(WixSettings::rsaPublicKey));
        }
        return parsed.key();
    }

    private record ParsedKey(Optional<String> pem, Optional<RSAPublicKey> key) {
    }

    /** What is wrong with the webhook key: set but unusable. Not having one only closes {@code /webhooks/wix}. */
    public List<String> webhookProblems() {
        return text(WEBHOOK_PUBLIC_KEY).filter(pem -> rsaPublicKey(pem).isEmpty())
                .map(pem -> List.of(WEBHOOK_PUBLIC_KEY + " is not an RSA public key in PEM (-----BEGIN PUBLIC KEY-----)"))
                .orElse(List.of());
    }

    private static Optional<RSAPublicKey> rsaPublicKey(String pem) {
        String base64 = pem.replace("\\n", "\n")
                .replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            byte[] der = java.util.Base64.getDecoder().decode(base64);
            return Optional.of((RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)));
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException notAKey) {
            return Optional.empty();
        }
    }

    /** MicroProfile Config's mapping of a key to the environment: {@code wix.app-id} → {@code WIX_APP_ID}. */
    public static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    private String required(String key) {
        return text(key).orElseThrow(() -> new IllegalStateException(key + " is not set"));
    }

    private Optional<String> text(String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static boolean isAbsoluteHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
