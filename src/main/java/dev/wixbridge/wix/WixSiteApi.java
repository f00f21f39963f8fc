package dev.wixbridge.wix;

import static dev.wixbridge.platform.JsonValues.JSON;

import java.io.StringReader;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.ProcessingException;

import dev.wixbridge.installation.entity.WixSite;
import dev.wixbridge.token.control.SiteCallResult;

/** Calls to Wix on behalf of one site, with that site's access token (see {@code SiteCalls}, which supplies it). */
@ApplicationScoped
public class WixSiteApi {

    /** The Business Intelligence event that moves an instance out of "Setup Incomplete". */
    static final String APP_FINISHED_CONFIGURATION = "APP_FINISHED_CONFIGURATION";

    @Inject
    WixClients clients;

    /** {@code GET /apps/v1/instance}, as Wix answered it (checked to be a JSON object). */
    public SiteCallResult<JsonObject> instance(String accessToken) {
        return call(() -> {
            String json = clients.apps().instanceJson(accessToken);
            try (JsonReader reader = JSON.createReader(new StringReader(json == null ? "" : json))) {
                return reader.readObject();
            } catch (JsonException | IllegalStateException e) {
                throw new ProcessingException("not a JSON object");
            }
        });
    }

    /** The site Wix says the access token belongs to ({@code instance.instanceId} and {@code site.siteDisplayName} of {@code GET /apps/v1/instance}). */
    public SiteCallResult<WixSite> site(String accessToken) {
        return call(() -> {
            AppInstanceResponse response = clients.apps().instance(accessToken);
            if (response == null || response.instance() == null || response.instance().instanceId() == null) {
                throw new ProcessingException("no instance id in the answer");
            }
            return WixSite.of(response.instance().instanceId(), response.siteName());
        });
    }

    /** Tells Wix the site finished setting the app up ({@code APP_FINISHED_CONFIGURATION}). */
    public SiteCallResult<Void> finishedConfiguration(String accessToken) {
        return call(() -> {
            clients.apps().biEvent(accessToken, new WixAppsApi.BiEvent(APP_FINISHED_CONFIGURATION));
            return null;
        });
    }

    private static <T> SiteCallResult<T> call(Supplier<T> call) {
        try {
            return new SiteCallResult.Completed<>(call.get());
        } catch (WixCallFailed | ProcessingException e) {
            WixFailure failure = WixFailure.of(e);
            return switch (failure.kind()) {
                case UNAUTHORIZED -> new SiteCallResult.TokenRejected<>();
                case FORBIDDEN, REFUSED -> new SiteCallResult.Refused<>(failure.status());
                case RATE_LIMITED, DOWN, TIMEOUT, MALFORMED -> new SiteCallResult.Unavailable<>(failure.retryAfter());
            };
        }
    }
}
