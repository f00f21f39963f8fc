package dev.wixbridge.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.Browser;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.OwnerJourney;

/** The install states anyone can make by loading the App URL are bounded in number and in time. */
class OpenStatesIT extends AgainstFakeWix {

    private static final int BOUND = 5;

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> settings = Deployments.fakeWixSettings();
        settings.put("wix.install.max-open-states", String.valueOf(BOUND));
        return Deployments.war(settings);
    }

    @Test
    void beyond_the_bound_the_app_url_answers_503_and_stores_nothing_until_states_expire() {
        rows.update("DELETE FROM install_state");
        Browser browser = new Browser();
        FakeWix.Site site = wix.newSite();
        for (int i = 0; i < BOUND; i++) {
            assertThat(OwnerJourney.openAppUrl(browser, site).statusCode()).isEqualTo(302);
        }

        HttpResponse<String> refused = OwnerJourney.openAppUrl(browser, site);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("<h1>Too many installations at once</h1>");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(rows.count("SELECT COUNT(*) FROM install_state")).isEqualTo(BOUND);

        // expired states no longer count: the App URL serves again once the server counts anew (each second)
        rows.update("UPDATE install_state SET expires_at = ?", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status;
        do {
            status = OwnerJourney.openAppUrl(browser, site).statusCode();
        } while (status == 503 && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(302);
    }

    @Test
    void finished_and_expired_states_are_purged_within_minutes() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        insertState("long-finished", "COMPLETED", now.minusMinutes(13));
        insertState("long-expired", "PENDING", now.minusMinutes(13));
        insertState("lately-finished", "COMPLETED", now.minusMinutes(5));
        insertState("open", "PENDING", now.plusMinutes(5));

        // the purge runs every minute
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (stateCount("long-%") > 0 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
        assertThat(stateCount("long-%")).as("states twelve minutes past expiry").isZero();
        assertThat(stateCount("lately-finished")).as("a state a reload may still need").isOne();
        assertThat(stateCount("open")).isOne();
    }

    private void insertState(String hash, String status, OffsetDateTime expiresAt) {
        rows.update("INSERT INTO install_state (state_hash, browser_hash, status, created_at, expires_at, finished_at) "
                + "VALUES (?, 'browser', ?, ?, ?, ?)", hash, status, expiresAt.minusMinutes(10), expiresAt,
                "COMPLETED".equals(status) ? expiresAt.minusMinutes(1) : null);
    }

    private long stateCount(String hashLike) {
        return rows.count("SELECT COUNT(*) FROM install_state WHERE state_hash LIKE ?", hashLike);
    }
}
