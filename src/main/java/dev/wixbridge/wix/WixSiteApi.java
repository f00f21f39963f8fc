package dev.wixbridge.wix;

import java.io.StringReader;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.ProcessingException;

/** Calls Wix makes on behalf of one site, with that site's access token. */
@ApplicationScoped
public class WixSiteApi {

    /** The Business Intelligence event that moves an instance out of "Setup Incomplete". */
    static final String APP_FINISHED_CONFIGURATION = "APP_FINISHED_CONFIGURATION";

    @Inject
    WixClients clients;

    /** {@code GET /apps/v1/instance}, as Wix answered it (checked to be a JSON object). */
    public WixAnswer<JsonObject> instance(String accessToken) {
        return call(() -> {
            String json = clients.apps().instanceJson(accessToken);
            try (JsonReader reader = Json.createReader(new StringReader(json == null ? "" : json))) {
                return reader.readObject();
            } catch (JsonException | IllegalStateException e) {
                throw new ProcessingException("not a JSON object");
            }
        });
    }

    /** Tells Wix the site finished setting the app up ({@code APP_FINISHED_CONFIGURATION}). */
    public WixAnswer<Void> finishedConfiguration(String accessToken) {
        return call(() -> {
            clients.apps().biEvent(accessToken, new WixAppsApi.BiEvent(APP_FINISHED_CONFIGURATION));
            return null;
        });
    }

    private static <T> WixAnswer<T> call(Supplier<T> call) {
        try {
            return new WixAnswer.Answered<>(call.get());
        } catch (WixHttpException e) {
            if (e.status() == 401) {
                return new WixAnswer.TokenRejected<>();
            }
            return WixFailures.isOutage(e) ? new WixAnswer.Unavailable<>(WixFailures.outageOf(e))
                    : new WixAnswer.Refused<>(e.status());
        } catch (ProcessingException e) {
            return new WixAnswer.Unavailable<>(WixFailures.outageOf(e));
        }
    }
}
