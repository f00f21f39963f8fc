package dev.wixbridge.api;

import java.util.Optional;

import jakarta.ws.rs.core.Response;

import dev.wixbridge.token.control.AccessTokenResult;
import dev.wixbridge.token.control.SiteCallResult;
import dev.wixbridge.wix.WixAnswer;

/** Turns the outcomes that are not a success into problem responses. */
final class ResultProblems {

    private ResultProblems() {
    }

    static Response of(String instanceId, AccessTokenResult result) {
        if (result instanceof AccessTokenResult.UnknownSite) {
            return Problem.unknownInstallation(instanceId).toResponse();
        }
        if (result instanceof AccessTokenResult.ReauthorizationRequired) {
            return Problem.reauthorizationRequired(instanceId).toResponse();
        }
        if (result instanceof AccessTokenResult.Uninstalled) {
            return Problem.uninstalled(instanceId).toResponse();
        }
        if (result instanceof AccessTokenResult.WixUnavailable unavailable) {
            return Problem.wixUnavailable().toResponse(unavailable.retryAfter().or(() -> Optional.of(ApiDefaults.RETRY_AFTER)));
        }
        if (result instanceof AccessTokenResult.Misconfigured) {
            return Problem.wixCredentialsRefused().toResponse(Optional.of(ApiDefaults.RETRY_AFTER));
        }
        throw new IllegalArgumentException("not a failure: " + result);
    }

    static Response of(String instanceId, SiteCallResult<?> result) {
        if (result instanceof SiteCallResult.NoToken<?> noToken) {
            return of(instanceId, noToken.reason());
        }
        WixAnswer<?> answer = ((SiteCallResult.WixFailed<?>) result).answer();
        if (answer instanceof WixAnswer.Refused<?> refused) {
            return Problem.wixRefused(refused.status()).toResponse();
        }
        if (answer instanceof WixAnswer.Unavailable<?> unavailable) {
            return Problem.wixUnavailable().toResponse(unavailable.outage().retryAfter()
                    .or(() -> Optional.of(ApiDefaults.RETRY_AFTER)));
        }
        // A fresh token refused too: Wix is not behaving as documented.
        return Problem.wixRefused(401).toResponse();
    }
}
