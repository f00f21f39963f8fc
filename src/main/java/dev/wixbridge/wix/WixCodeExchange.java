package dev.wixbridge.wix;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import dev.wixbridge.installation.entity.WixSite;
import dev.wixbridge.install.control.CallbackOutcome;
import dev.wixbridge.install.control.CodeExchange;
import dev.wixbridge.install.control.Reply;
import dev.wixbridge.install.entity.Refusal;
import dev.wixbridge.token.control.Grant;

/** The install's calls to Wix: the authorization-code grant, then the App Management API's word on the site. */
@ApplicationScoped
public class WixCodeExchange implements CodeExchange {

    @Inject
    WixClients clients;

    @Inject
    WixGrants grants;

    @Inject
    Clock clock;

    @Override
    public Reply<Grant> exchange(String code) {
        Instant asked = clock.instant();
        try {
            return grants.read(clients.oauth().access(grants.forCode(code)), Optional.empty(), asked)
                    .<Reply<Grant>>map(Reply.Ok::new)
                    .orElseGet(() -> new Reply.Failed<>(unreadable()));
        } catch (WixCallFailed | ProcessingException e) {
            WixFailure failure = WixFailure.of(e);
            return new Reply.Failed<>(switch (failure.kind()) {
                case UNAUTHORIZED, FORBIDDEN -> {
                    grants.credentialsRefused(failure);
                    yield new CallbackOutcome.Misconfigured();
                }
                case REFUSED -> new CallbackOutcome.Refused(Refusal.CODE_REJECTED);
                case RATE_LIMITED, DOWN, TIMEOUT -> new CallbackOutcome.WixUnavailable(false, failure.retryAfter());
                case MALFORMED -> unreadable();
            });
        }
    }

    @Override
    public Reply<WixSite> instanceOf(String accessToken) {
        try {
            AppInstanceResponse response = clients.apps().instance(accessToken);
            if (response == null || response.instance() == null || response.instance().instanceId() == null) {
                return new Reply.Failed<>(unreadable());
            }
            return new Reply.Ok<>(WixSite.of(response.instance().instanceId(), response.siteName()));
        } catch (WixCallFailed | ProcessingException e) {
            WixFailure failure = WixFailure.of(e);
            return new Reply.Failed<>(switch (failure.kind()) {
                // Wix refusing the token it has just granted: nothing we can confirm, nothing we store.
                case UNAUTHORIZED, FORBIDDEN, REFUSED, MALFORMED -> unreadable();
                case RATE_LIMITED, DOWN, TIMEOUT -> new CallbackOutcome.WixUnavailable(false, failure.retryAfter());
            });
        }
    }

    private static CallbackOutcome unreadable() {
        return new CallbackOutcome.WixUnavailable(true, Optional.empty());
    }
}
