package dev.wixbridge.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.wixbridge.testing.Browser;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.OwnerJourney;
import dev.wixbridge.testing.ServerLog;

/** With {@code wix.after-install} set, the owner continues to the team's own page instead of closing Wix's window. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AfterInstallPageIT {

    private static final String TEAM_PAGE = "https://team.example/welcome?from=wix";

    private final FakeWix wix = FakeWix.shared();
    private final Browser browser = new Browser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> settings = Deployments.fakeWixSettings();
        settings.put("wix.after-install", TEAM_PAGE);
        return Deployments.war(settings);
    }

    @BeforeEach
    void resetWix() {
        wix.reset(Deployments.REDIRECT_URL);
    }

    @AfterAll
    static void logHoldsNoSecret() {
        ServerLog.assertHoldsNone(FakeWix.shared().secrets());
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
