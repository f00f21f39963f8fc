package dev.wixbridge.proxy.control;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.wixbridge.platform.metrics.Metrics;
import dev.wixbridge.token.control.AccessTokenResult;
import dev.wixbridge.token.control.AccessTokens;

/**
 * Sends a caller's request to Wix's API with the site's access token, so the caller never holds
 * one. A 401 gets the site a fresh token through the same single flight as the token API
 * ({@link AccessTokens#replaceRejected}) and the request is sent once more; "not now" answers
 * are retried as {@link ProxyRetries} allows. Everything else Wix answers goes back as it is.
 */
@ApplicationScoped
public class WixProxy {

    private static final Logger LOG = Logger.getLogger(WixProxy.class.getName());
    static final String CALLS = "wixbridge.proxy.calls";
    static final String WIX_LATENCY = "wixbridge.proxy.wix.latency";
    /** The status of a call that got no answer from Wix. */
    private static final int UNREACHED = 0;

    @Inject
    AccessTokens tokens;

    @Inject
    WixApi wix;

    @Inject
    ProxySettings settings;

    @Inject
    Metrics metrics;

    /**
     * @param callersHeaders every header of the caller's request; only those {@link ForwardedHeaders} allows reach Wix
     */
    public ProxyResult forward(String instanceId, String method, ProxyPath path, String rawQuery,
                               Map<String, List<String>> callersHeaders, RequestBody body) {
        ProxyResult result = send(instanceId, method, path, rawQuery, callersHeaders, body);
        metrics.count(CALLS, "method", method, "status", result.match(new ProxyResult.Cases<>() {
            @Override
            public String answered(WixAnswer answer) {
                return statusClass(answer.status());
            }

            @Override
            public String noToken(AccessTokenResult reason) {
                return "no_token";
            }

            @Override
            public String unreachable() {
                return "unreachable";
            }
        }));
        return result;
    }

    private ProxyResult send(String instanceId, String method, ProxyPath path, String rawQuery,
                             Map<String, List<String>> callersHeaders, RequestBody body) {
        AccessTokenResult token = tokens.accessTokenFor(instanceId);
        if (token.issued().isEmpty()) {
            return new ProxyResult.NoToken(token);
        }
        WixRequest request = new WixRequest(method, path, rawQuery, ForwardedHeaders.toWix(callersHeaders), body,
                token.issued().get().accessToken(), settings.timeout());
        ProxyRetries retries = new ProxyRetries(method, settings.retries(), settings.maxWait());
        boolean tokenReplaced = false;
        while (true) {
            WixAnswer answer;
            try {
                answer = timed(request);
            } catch (WixUnreachable e) {
                return new ProxyResult.Unreachable();
            }
            if (answer.status() == 401 && !tokenReplaced) {
                // Wix did not act on a request it refused to authenticate: sending it again is safe for any method.
                answer.close();
                tokenReplaced = true;
                AccessTokenResult replacement = tokens.replaceRejected(instanceId, request.accessToken());
                if (replacement.issued().isEmpty()) {
                    return new ProxyResult.NoToken(replacement);
                }
                request = request.withAccessToken(replacement.issued().get().accessToken());
                continue;
            }
            Optional<Duration> wait = retries.waitBefore(answer.status(), answer.retryAfter());
            if (wait.isEmpty()) {
                return new ProxyResult.Answered(answer);
            }
            answer.close();
            try {
                Thread.sleep(wait.get().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new ProxyResult.Unreachable();
            }
        }
    }

    /** One call to Wix, timed and logged: method, path and status, never the query, a header or a body. */
    private WixAnswer timed(WixRequest request) throws WixUnreachable {
        long started = System.nanoTime();
        int status = UNREACHED;
        try {
            WixAnswer answer = wix.send(request);
            status = answer.status();
            return answer;
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            String outcome = status == UNREACHED ? "unreachable" : statusClass(status);
            metrics.time(WIX_LATENCY, took, "method", request.method(), "status", outcome);
            if (LOG.isLoggable(Level.FINE)) {
                LOG.fine(request + " -> " + (status == UNREACHED ? outcome : status) + " in " + took.toMillis() + " ms");
            }
        }
    }

    private static String statusClass(int status) {
        return status / 100 + "xx";
    }
}
