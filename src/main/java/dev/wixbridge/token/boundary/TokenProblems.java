package dev.wixbridge.token.boundary;

import java.time.Duration;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import dev.wixbridge.api.Problems;
import dev.wixbridge.platform.web.Problem;
import dev.wixbridge.platform.web.RetryAfter;
import dev.wixbridge.token.control.AccessTokenResult;
import dev.wixbridge.token.control.SiteCallResult;

/** The API's answer to every token and site-call result: the success given, or its problem document. */
public final class TokenProblems {

    private TokenProblems() {
    }

    /** {@code onIssued} for a token, the problem of the reason otherwise. */
    public static AccessTokenResult.Cases<Response> forToken(String instanceId,
                                                     java.util.function.Function<AccessTokenResult.Issued, Response> onIssued) {
        return forToken(instanceId, onIssued, Problems.wixUnavailable());
    }

    /** The same, answering {@code unavailable} (with Retry-After) when Wix could not be asked. */
    public static AccessTokenResult.Cases<Response> forToken(String instanceId,
                                                     java.util.function.Function<AccessTokenResult.Issued, Response> onIssued,
                                                     Problem unavailable) {
        return new AccessTokenResult.Cases<>() {
            @Override
            public Response issued(AccessTokenResult.Issued issued) {
                return onIssued.apply(issued);
            }

            @Override
            public Response unknownSite() {
                return Problems.unknownInstallation(instanceId).toResponse();
            }

            @Override
            public Response reauthorizationRequired() {
                return Problems.reauthorizationRequired(instanceId).toResponse();
            }

            @Override
            public Response uninstalled() {
                return Problems.uninstalled(instanceId).toResponse();
            }

            @Override
            public Response wixUnavailable(Optional<Duration> retryAfter) {
                return unavailable.toResponse(retryAfter.or(() -> Optional.of(RetryAfter.DEFAULT)));
            }

            @Override
            public Response siteRefused(Optional<String> wixCode) {
                return Problems.siteRefused(instanceId, wixCode).toResponse();
            }

            @Override
            public Response misconfigured() {
                return Problems.wixCredentialsRefused().toResponse(Optional.of(RetryAfter.DEFAULT));
            }
        };
    }

    /** {@code onCompleted} for Wix's answer, a problem otherwise. */
    static <T> SiteCallResult.Cases<T, Response> forSiteCall(String instanceId,
                                                             java.util.function.Function<T, Response> onCompleted) {
        return new SiteCallResult.Cases<>() {
            @Override
            public Response completed(T body) {
                return onCompleted.apply(body);
            }

            @Override
            public Response noToken(AccessTokenResult reason) {
                return reason.match(forToken(instanceId, issued -> {
                    throw new IllegalStateException("a site call without a token had one");
                }));
            }

            @Override
            public Response tokenRejected() {
                // A fresh token refused too: Wix is not behaving as documented.
                return Problems.wixRefused(401).toResponse();
            }

            @Override
            public Response refused(int status) {
                return Problems.wixRefused(status).toResponse();
            }

            @Override
            public Response unavailable(Optional<Duration> retryAfter) {
                return Problems.wixUnavailable().toResponse(retryAfter.or(() -> Optional.of(RetryAfter.DEFAULT)));
            }
        };
    }
}
