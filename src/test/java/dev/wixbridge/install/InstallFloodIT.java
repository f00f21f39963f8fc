package dev.wixbridge.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.ApiClient;
import dev.wixbridge.testing.Browser;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.OwnerJourney;
import dev.wixbridge.testing.RawHttp;

/**
 * Anonymous load on the install URLs starves nothing else: 400 callbacks at once, each with a
 * valid state and a forged code that a slow Wix rejects only after 2 s, while 50 API clients ask
 * for tokens of installed sites and a load balancer polls readiness. The database pool has 16
 * connections (the default); before, every callback held one while it waited on Wix.
 */
class InstallFloodIT extends AgainstFakeWix {

    private static final int CALLBACKS = 400;
    private static final int TOKEN_CLIENTS = 50;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Deployments.fakeWixSettings());
    }

    @Test
    void forged_callbacks_against_a_slow_wix_starve_neither_the_token_api_nor_readiness() throws Exception {
        List<FakeWix.Site> sites = IntStream.range(0, 10).mapToObj(i -> installed()).toList();
        Browser attacker = new Browser();
        FakeWix.Site victim = wix.newSite();
        List<String> forged = new ArrayList<>();
        String cookie = null;
        for (int i = 0; i < CALLBACKS; i++) {
            HttpResponse<String> toConsent = OwnerJourney.openAppUrl(attacker, victim);
            if (cookie == null) {
                cookie = toConsent.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            }
            String state = OwnerJourney.locationQuery(toConsent).get("state");
            forged.add("/oauth/callback?code=forged-" + i + "&instanceId=" + victim.instanceId()
                    + "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
        }
        String attackersCookie = "Cookie: " + cookie;
        wix.rejectUnknownCodesAfter(Duration.ofSeconds(2));

        ApiClient api = ApiClient.withKey(Deployments.API_KEY);
        ApiClient probe = ApiClient.withoutKey();
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean flooding = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(CALLBACKS + TOKEN_CLIENTS + 1);
        try {
            // on sockets of their own, closed after each answer: 400 idle connections left open would
            // outlive the test and hold up the server's shutdown (the next class then finds its port taken)
            List<Future<String>> callbacks = forged.stream().map(target -> threads.submit(() -> {
                start.await();
                return RawHttp.send("GET", target, attackersCookie);
            })).toList();
            List<Future<List<Integer>>> tokenClients = IntStream.range(0, TOKEN_CLIENTS).mapToObj(i -> threads.submit(() -> {
                start.await();
                List<Integer> statuses = new ArrayList<>();
                do {
                    statuses.add(api.post(tokenPath(sites.get(i % sites.size()))).statusCode());
                } while (flooding.get());
                return statuses;
            })).toList();
            Future<List<Integer>> readiness = threads.submit(() -> {
                start.await();
                List<Integer> statuses = new ArrayList<>();
                do {
                    statuses.add(probe.getUrl(Deployments.HEALTH + "/ready").statusCode());
                } while (flooding.get());
                return statuses;
            });
            start.countDown();

            List<Integer> callbackStatuses = new ArrayList<>();
            for (Future<String> callback : callbacks) {
                String answer = callback.get(3, TimeUnit.MINUTES);
                int status = RawHttp.status(answer);
                assertThat(status).as(answer).isIn(400, 503);
                assertThat(answer).contains("<h1>");
                if (status == 503) {
                    assertThat(answer).as("a busy page says when to reload").containsIgnoringCase("\r\nRetry-After:");
                }
                callbackStatuses.add(status);
            }
            flooding.set(false);

            List<Integer> tokenStatuses = new ArrayList<>();
            for (Future<List<Integer>> client : tokenClients) {
                tokenStatuses.addAll(client.get(1, TimeUnit.MINUTES));
            }
            assertThat(tokenStatuses).as("token requests during the flood").hasSizeGreaterThanOrEqualTo(TOKEN_CLIENTS)
                    .containsOnly(200);
            assertThat(readiness.get(1, TimeUnit.MINUTES)).as("readiness during the flood").isNotEmpty().containsOnly(200);
            assertThat(callbackStatuses).as("forged codes Wix was asked about and rejected").contains(400);
        } finally {
            threads.shutdownNow();
        }
        for (int i = 0; i < CALLBACKS; i++) {
            assertThat(wix.codeExchanges("forged-" + i)).as("each code traded at most once").isLessThanOrEqualTo(1);
        }
        assertThat(rows.count("SELECT COUNT(*) FROM install_state WHERE status = 'EXCHANGING'"))
                .as("no claim left behind").isZero();
        assertThat(rows.installation(victim.instanceId())).as("nothing stored for forged codes").isEmpty();
    }
}
