package dev.wixbridge.wix;

import java.time.Duration;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

import dev.wixbridge.platform.metrics.Metrics;

/** Times every call to Wix that got an answer, by endpoint and status (latency of Wix as we see it). */
class WixCallTimer implements ClientRequestFilter, ClientResponseFilter {

    private static final String STARTED = WixCallTimer.class.getName() + ".started";

    private final Metrics metrics;

    WixCallTimer(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (started instanceof Long nanos) {
            metrics.time("wixbridge.wix.calls", Duration.ofNanos(System.nanoTime() - nanos),
                    "call", callName(request.getUri().getPath()), "status", String.valueOf(response.getStatus()));
        }
    }

    /** {@code /oauth/access} → {@code oauth_access}; only the paths we call, so the tag stays a small set. */
    private static String callName(String path) {
        if (path.endsWith("/oauth/access")) {
            return "oauth_access";
        }
        if (path.endsWith("/oauth2/token-info")) {
            return "oauth2_token_info";
        }
        if (path.endsWith("/oauth2/token")) {
            return "oauth2_token";
        }
        if (path.endsWith("/apps/v1/instance")) {
            return "apps_instance";
        }
        if (path.endsWith("/apps/v1/bi-event")) {
            return "apps_bi_event";
        }
        return "other";
    }
}
