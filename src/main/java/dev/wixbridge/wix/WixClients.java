package dev.wixbridge.wix;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.RestClientBuilder;

import dev.wixbridge.platform.config.WixSettings;
import dev.wixbridge.platform.metrics.ProductMetrics;

/**
 * Builds the MicroProfile REST clients for Wix from {@code wix.api-url} and the timeouts.
 * Built in code rather than by {@code configKey} so the documented keys stay the only ones.
 */
@ApplicationScoped
class WixClients {

    @Inject
    WixSettings settings;

    @Inject
    ProductMetrics metrics;

    private volatile WixOAuthApi oauth;
    private volatile WixAppsApi apps;

    // Built on first use (the settings may still be wrong at start-up), once: the first calls
    // arrive together, and each build sets up a whole Jersey client runtime.
    WixOAuthApi oauth() {
        WixOAuthApi client = oauth;
        if (client == null) {
            synchronized (this) {
                client = oauth;
                if (client == null) {
                    client = oauth = builder().build(WixOAuthApi.class);
                }
            }
        }
        return client;
    }

    WixAppsApi apps() {
        WixAppsApi client = apps;
        if (client == null) {
            synchronized (this) {
                client = apps;
                if (client == null) {
                    client = apps = builder().build(WixAppsApi.class);
                }
            }
        }
        return client;
    }

    private RestClientBuilder builder() {
        return RestClientBuilder.newBuilder()
                .baseUri(settings.apiUrl())
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .register(new WixCallTimer(metrics));
    }
}
