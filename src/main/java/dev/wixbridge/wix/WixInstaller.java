package dev.wixbridge.wix;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.wixbridge.platform.web.Urls;

/** The browser's way through Wix's installer: its consent page, and where the owner goes once installed. */
@ApplicationScoped
public class WixInstaller {

    @Inject
    WixSettings settings;

    /** Wix's consent page for the install {@code token} Wix sent to our App URL, carrying our {@code state}. */
    public URI consentPage(String token, String state) {
        Map<String, String> consent = new LinkedHashMap<>();
        consent.put("token", token);
        consent.put("appId", settings.appId());
        consent.put("redirectUrl", settings.redirectUrl().toString());
        consent.put("state", state);
        return Urls.withQuery(settings.installerUrl(), "install", consent);
    }

    /**
     * Where the owner goes once installed: Wix's close-window page (which wants the new access
     * token), or the team's own page with the instance id ({@code wix.after-install}).
     */
    public URI afterInstall(String instanceId, String accessToken) {
        return settings.afterInstallPage()
                .map(page -> Urls.withQuery(page, "", Map.of("instanceId", instanceId)))
                .orElseGet(() -> Urls.withQuery(settings.installerUrl(), "close-window", Map.of("access_token", accessToken)));
    }

    /** Whether our Redirect URL is https: then cookies of the install never travel in clear. */
    public boolean isRedirectSecure() {
        return "https".equals(settings.redirectUrl().getScheme());
    }
}
