package dev.wixbridge.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.Browser;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.OwnerJourney;

/** With {@code wix.after-install} set, the owner continues to the team's own page instead of closing Wix's window. */
class AfterInstallPageIT extends AgainstFakeWix {

    private static final String TEAM_PAGE = "https://team.example/welcome?from=wix";

    private final Browser browser = new Browser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> settings = Deployments.fakeWixSettings();
        settings.put("wix.after-install", TEAM_PAGE);
        // Asked for, but real Wix settings are configured: the sandbox must stay off.
        settings.put("wix.sandbox.enabled", "true");
        return Deployments.war(settings);
    }

    @Test
    void the_sandbox_stays_off_when_real_wix_settings_are_configured() {
        assertThat(browser.get(Deployments.SERVER + "/sandbox/installer/install?token=t").statusCode()).isEqualTo(404);
        assertThat(browser.get(Deployments.SERVER + "/").body()).doesNotContain("Sandbox").doesNotContain("sandbox-api-key")
                .contains("Redirect URL");
    }

    @Test
    void sends_the_owner_to_the_team_page_with_the_instance_id() {
        FakeWix.Site site = wix.newSite();
        URI callback = OwnerJourney.approve(browser, site);

        HttpResponse<String> installed = browser.get(callback);
        HttpResponse<String> reload = browser.get(callback);

        assertThat(installed.statusCode()).isEqualTo(302);
        assertThat(installed.headers().firstValue("Location")).hasValue(TEAM_PAGE + "&instanceId=" + site.instanceId());
        assertThat(reload.headers().firstValue("Location")).isEqualTo(installed.headers().firstValue("Location"));
        assertThat(Deployments.database().installations(site.instanceId())).isEqualTo(1);
    }
}
