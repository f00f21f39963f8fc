package dev.wixbridge.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.FakeWix.Failure;
import dev.wixbridge.testing.UncertainRefreshes;

/**
 * A slow Wix that rotates refresh tokens strictly: a refresh goes on after its callers stopped
 * waiting and its answer is stored; one whose answer never comes is never sent again.
 */
class UncertainRefreshIT extends AgainstFakeWix {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(1500);
    private static final Duration COMPLETION = Duration.ofSeconds(6);

    private final ApiClient api = ApiClient.withKey(Deployments.API_KEY);

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> settings = Deployments.fakeWixSettings();
        settings.put("wix.read-timeout-ms", String.valueOf(READ_TIMEOUT.toMillis()));
        settings.put("wix.refresh-completion-ms", String.valueOf(COMPLETION.toMillis()));
        return Deployments.war(settings);
    }

    @Test
    void a_slow_wix_costs_no_site() throws Exception {
        List<FakeWix.Site> sites = new ArrayList<>();
        for (int i = 0; i < UncertainRefreshes.SITES; i++) {
            FakeWix.Site site = installed();
            expire(site);
            sites.add(site);
        }

        UncertainRefreshes.slowWixCostsNothing(wix, rows, List.of(api), READ_TIMEOUT, sites);
    }

    @Test
    void a_refresh_whose_answer_never_comes_is_not_sent_again_and_a_refusal_after_it_is_explained() {
        FakeWix.Site site = installed();
        expire(site);
        wix.rotateRefreshTokens();
        // Wix rotates the token at once but its answer comes after the completion bound: lost.
        wix.failTokenCalls(Failure.answerLost(COMPLETION.plusSeconds(3)));

        HttpResponse<String> waiting = api.post(tokenPath(site));
        assertThat(waiting.statusCode()).isEqualTo(503);
        awaitLastFailure(site, "REFRESH_UNCERTAIN");
        assertThat(wix.refreshesFor(site)).as("the uncertain refresh was sent once").isEqualTo(1);

        HttpResponse<String> refused = api.post(tokenPath(site));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat((String) rows.installation(site.instanceId()).orElseThrow().get("last_failure"))
                .contains("invalid_grant").contains("probably rotated");
    }

    private void awaitLastFailure(FakeWix.Site site, String prefix) {
        long deadline = System.nanoTime() + COMPLETION.plusSeconds(10).toNanos();
        while (true) {
            Object failure = rows.installation(site.instanceId()).orElseThrow().get("last_failure");
            if (failure instanceof String text && text.startsWith(prefix)) {
                return;
            }
            assertThat(System.nanoTime()).as("the row says " + prefix + " (it says " + failure + ")").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }
}
