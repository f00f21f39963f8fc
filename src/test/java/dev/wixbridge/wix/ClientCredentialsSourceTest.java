package dev.wixbridge.wix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.MapConfig;
import dev.wixbridge.testing.SettableClock;
import dev.wixbridge.token.control.Grant;
import dev.wixbridge.token.control.Renewal;
import dev.wixbridge.wix.WixFailure.Kind;

/** Tokens by client credentials: what each answer of {@code /oauth2/token} means. */
class ClientCredentialsSourceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String SITE = "8a4f2a3e-1c2b-4d5e-9f00-123456789abc";

    private final List<ClientCredentialsRequest> requests = new ArrayList<>();
    private final ClientCredentialsSource source = new ClientCredentialsSource();
    private Supplier<AccessTokenResponse> answer;

    ClientCredentialsSourceTest() {
        source.endpoint = new WixTokenEndpoint() {
            @Override
            public AccessTokenResponse clientCredentials(ClientCredentialsRequest request) {
                requests.add(request);
                return answer.get();
            }
        };
        WixSettings settings = new WixSettings();
        settings.config = MapConfig.of(WixSettings.APP_ID, "app", WixSettings.APP_SECRET, "the-secret");
        source.grants = new WixGrants();
        source.grants.settings = settings;
        source.grants.credentials = new WixCredentials();
        source.clock = new SettableClock(NOW);
    }

    private void failWith(WixFailure failure) {
        answer = () -> {
            throw new WixCallFailed(failure);
        };
    }

    @Test
    void the_app_credentials_and_the_instance_give_a_token_for_its_stated_lifetime() {
        answer = () -> new AccessTokenResponse("access", null, 14_400L);

        assertThat(source.renew(SITE)).isEqualTo(new Renewal.Granted(new Grant(null, "access", NOW.plusSeconds(14_400))));
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.grantType()).isEqualTo("client_credentials");
            assertThat(request.clientId()).isEqualTo("app");
            assertThat(request.clientSecret()).isEqualTo("the-secret");
            assertThat(request.instanceId()).isEqualTo(SITE);
            assertThat(request.toString()).doesNotContain("the-secret");
        });
    }

    @Test
    void without_a_stated_lifetime_the_configured_one_counts() {
        answer = () -> new AccessTokenResponse("access", null, null);

        assertThat(source.renew(SITE)).isEqualTo(new Renewal.Granted(new Grant(null, "access", NOW.plus(Duration.ofMinutes(5)))));
    }

    @Test
    void another_4xx_is_wix_refusing_the_site_with_its_code() {
        failWith(WixFailure.ofStatus(400, Optional.empty(), Optional.of("APP_NOT_INSTALLED")));

        assertThat(source.renew(SITE)).isEqualTo(new Renewal.SiteRefused(Optional.of("APP_NOT_INSTALLED")));
    }

    @Test
    void a_401_or_403_is_our_credentials_refused() {
        failWith(WixFailure.ofStatus(403, Optional.empty()));

        assertThat(source.renew(SITE)).isEqualTo(new Renewal.CredentialsRefused());
        assertThat(source.grants.credentials.refused()).isTrue();
    }

    @Test
    void outages_are_unavailable_with_their_retry_after() {
        failWith(WixFailure.ofStatus(429, Optional.of(Duration.ofSeconds(30))));
        assertThat(source.renew(SITE)).isEqualTo(new Renewal.Unavailable("RATE_LIMITED", Optional.of(Duration.ofSeconds(30))));

        failWith(WixFailure.of(Kind.TIMEOUT));
        assertThat(source.renew(SITE)).isEqualTo(new Renewal.Unavailable("TIMEOUT", Optional.empty()));

        answer = () -> new AccessTokenResponse(" ", null, null);
        assertThat(source.renew(SITE)).isEqualTo(new Renewal.Unavailable("MALFORMED", Optional.empty()));
    }
}
