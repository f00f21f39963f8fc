package dev.wixbridge.wix;

import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.RestClientBuilder;

import org.eclipse.microprofile.config.Config;

import dev.wixbridge.platform.metrics.Metrics;
import dev.wixbridge.token.control.TokenSettings;

/**
 * The MicroProfile REST clients for Wix, built from {@code wix.api-url} and the timeouts.
 *
 * <p>Built with {@link RestClientBuilder} rather than injected by {@code @RegisterRestClient(configKey)}:
 * the documented keys ({@code wix.api-url}, {@code wix.connect-timeout-ms}, {@code wix.read-timeout-ms})
 * are the contract admins configure, the sandbox computes the URL at run time, and a
 * {@code configKey} would add a second set of keys ({@code .../mp-rest/url}) for the same things.
 *
 * <p>The API proxy sends whatever method, path, headers and body a caller names, byte for byte and
 * streamed; a typed REST client cannot, so it has the JDK's {@link HttpClient}, kept here with the
 * others so that every call to Wix starts from this class and its settings.
 */
@ApplicationScoped
class WixClients {

    @Inject
    WixSettings settings;

    @Inject
    Metrics metrics;

    @Inject
    Config config;

    private volatile Clients clients;

    /** Wix's token endpoints for the install flow's code exchange: a browser waits, so the read timeout applies. */
    WixOAuthApi oauth() {
        return clients().oauth();
    }

    /**
     * The same endpoints for refreshes and client credentials: a call may run up to
     * {@code wix.refresh-completion-ms}, long after its callers stopped waiting (they wait
     * {@code wix.read-timeout-ms}), so that an answer Wix sends late is not thrown away.
     */
    WixOAuthApi tokens() {
        return clients().tokens();
    }

    WixAppsApi apps() {
        return clients().apps();
    }

    /**
     * For the API proxy: connections to {@code wix.api-url} kept alive and shared; no redirects
     * followed. Its tasks run on the thread that triggers them ({@code executor(Runnable::run)}):
     * the default executor's hand-offs between threads cost two thirds of the proxy's CPU per call
     * (bench section 7: 3.3× a token API call, 1.3× without them). Nothing given to this client
     * blocks: answers are read by the caller's thread from {@code ofInputStream}'s queue, and request
     * bodies come from memory or a local file.
     */
    HttpClient http() {
        return clients().http();
    }

    // Built on first use (the settings may still be wrong at start-up), once: the first calls
    // arrive together, and each build sets up a whole client runtime.
    private Clients clients() {
        Clients built = clients;
        if (built == null) {
            synchronized (this) {
                built = clients;
                if (built == null) {
                    built = clients = new Clients(builder().build(WixOAuthApi.class),
                            builder().readTimeout(TokenSettings.refreshCompletion(config).toMillis(), TimeUnit.MILLISECONDS)
                                    .build(WixOAuthApi.class),
                            builder().build(WixAppsApi.class),
                            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run)
                                    .connectTimeout(settings.connectTimeout())
                                    .followRedirects(HttpClient.Redirect.NEVER).build());
                }
            }
        }
        return built;
    }

    private RestClientBuilder builder() {
        return RestClientBuilder.newBuilder()
                .baseUri(settings.apiUrl())
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .register(new WixCallTimer(metrics));
    }

    private record Clients(WixOAuthApi oauth, WixOAuthApi tokens, WixAppsApi apps, HttpClient http) {
    }
}
