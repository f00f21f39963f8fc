package dev.wixbridge.platform;

import static dev.wixbridge.testing.InstallPageAssertions.assertPage;
import static dev.wixbridge.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.Browser;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.OwnerJourney;
import dev.wixbridge.testing.ServerLog;
import dev.wixbridge.testing.TcpProxy;

/**
 * The database goes away and comes back (a cut TCP proxy in front of PostgreSQL): readiness
 * says DOWN, the API answers 503, install pages a plain 503 page, and the service recovers
 * by itself.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseOutageIT {

    private static final int PROXY_PORT = 15432;
    private static final String KIND = System.getProperty("it.db", "h2");

    private static TcpProxy proxy;

    private final FakeWix wix = FakeWix.shared();
    private final ApiClient api = ApiClient.withKey(Deployments.API_KEY);

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> settings = Deployments.fakeWixSettings();
        if ("postgresql".equals(KIND)) {
            proxy = new TcpProxy(PROXY_PORT, "127.0.0.1", 5432).open();
            settings.put("db.url", Deployments.DATABASE.url().replace("127.0.0.1:5432", "127.0.0.1:" + PROXY_PORT));
        }
        return Deployments.war(settings);
    }

    @BeforeAll
    static void onlyOnPostgresql() {
        assumeTrue("postgresql".equals(KIND), "the database is cut at the network, between server and PostgreSQL");
    }

    @AfterAll
    static void closeProxy() {
        if (proxy != null) {
            proxy.close();
        }
        ServerLog.assertHoldsNone(FakeWix.shared().secrets());
    }

    @Test
    void the_service_says_so_while_the_database_is_down_and_recovers_by_itself() {
        wix.reset(Deployments.REDIRECT_URL);
        FakeWix.Site site = wix.newSite();
        Browser browser = new Browser();
        assertThat(OwnerJourney.install(browser, site).statusCode()).isEqualTo(302);
        FakeWix.Site during = wix.newSite();
        URI callback = OwnerJourney.approve(browser, during);

        proxy.cut();
        try {
            assertThat(browser.get(Deployments.HEALTH + "/ready").statusCode()).isEqualTo(503);
            assertProblem(api.post("/api/installations/" + site.instanceId() + "/access-token"), 503, "/problems/database-unavailable");
            assertPage(browser.get(OwnerJourney.APP_URL + "?token=" + wix.newSite().installToken()), 503, "reload");
            assertPage(browser.get(callback), 503, "reload");
        } finally {
            proxy.open();
        }

        assertThat(browser.get(Deployments.HEALTH + "/ready").statusCode()).isEqualTo(200);
        assertThat(api.post("/api/installations/" + site.instanceId() + "/access-token").statusCode()).isEqualTo(200);
        assertThat(browser.get(callback).statusCode()).as("the callback interrupted by the outage, reloaded").isEqualTo(302);
        assertThat(Deployments.database().installations(during.instanceId())).isEqualTo(1);
    }
}
