package dev.wixbridge.wix;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

/** Asks Wix which app instance an access token belongs to. */
@ApplicationScoped
public class WixInstances {

    @Inject
    WixClients clients;

    public InstanceLookup instanceOf(String accessToken) {
        AppInstanceResponse response;
        try {
            response = clients.apps().instance(accessToken);
        } catch (WixHttpException e) {
            return WixFailures.isOutage(e) ? new InstanceLookup.Unavailable(WixFailures.outageOf(e))
                    : new InstanceLookup.TokenRefused(e.status());
        } catch (ProcessingException e) {
            return new InstanceLookup.Unavailable(WixFailures.outageOf(e));
        }
        if (response == null || response.instance() == null || response.instance().instanceId() == null) {
            return new InstanceLookup.Unavailable(WixOutage.of(WixOutage.Kind.MALFORMED));
        }
        return new InstanceLookup.Found(response.instance().instanceId());
    }
}
