package dev.wixbridge.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
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
        List<URI> forged = new ArrayList<>();
        for (int i = 0; i < CALLBACKS; i++) {
            String state = OwnerJourney.locationQuery(OwnerJourney.openAppUrl(attacker, victim)).get("state");
            forged.add(URI.create(Deployments.REDIRECT_URL + "?code=forged-" + i + "&instanceId=" + victim.instanceId()
                    + "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8)));
        }
        wix.rejectUnknownCodesAfter(Duration.ofSeconds(2));

        ApiClient api = ApiClient.withKey(Deployments.API_KEY);
        ApiClient probe = ApiClient.withoutKey();
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean flooding = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(CALLBACKS + TOKEN_CLIENTS + 1);
        try {
            List<Future<HttpResponse<String>>> callbacks = forged.stream().map(url -> threads.submit(() -> {
                start.await();
                return attacker.get(url);
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
            for (Future<HttpResponse<String>> callback : callbacks) {
                HttpResponse<String> answer = callback.get(3, TimeUnit.MINUTES);
                assertThat(answer.statusCode()).as(answer.body()).isIn(400, 503);
                assertThat(answer.body()).contains("<h1>");
                if (answer.statusCode() == 503) {
                    assertThat(answer.headers().firstValue("Retry-After")).as("a busy page says when to reload").isPresent();
                }
                callbackStatuses.add(answer.statusCode());
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
        assertThat(forged).allSatisfy(url -> assertThat(wix.codeExchanges(OwnerJourney.queryOf(url).get("code")))
                .as("each code traded at most once").isLessThanOrEqualTo(1));
        assertThat(rows.count("SELECT COUNT(*) FROM install_state WHERE status = 'EXCHANGING'"))
                .as("no claim left behind").isZero();
        assertThat(rows.installation(victim.instanceId())).as("nothing stored for forged codes").isEmpty();
    }
}
