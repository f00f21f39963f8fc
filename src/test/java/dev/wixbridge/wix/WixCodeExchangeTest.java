package dev.wixbridge.wix;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.ProcessingException;

import org.junit.jupiter.api.Test;

import dev.wixbridge.install.control.CallbackOutcome;
import dev.wixbridge.install.control.Reply;
import dev.wixbridge.install.entity.Refusal;
import dev.wixbridge.installation.entity.WixSite;
import dev.wixbridge.testing.MapConfig;
import dev.wixbridge.testing.SettableClock;
import dev.wixbridge.token.control.Grant;

/** The install's questions to Wix, answered in the install's terms. */
class WixCodeExchangeTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private Function<AccessTokenRequest, AccessTokenResponse> tokenEndpoint;
    private Function<String, AppInstanceResponse> instanceEndpoint;
    private final WixCodeExchange exchange = new WixCodeExchange();

    WixCodeExchangeTest() {
        exchange.clients = new WixClients() {
            @Override
            WixOAuthApi oauth() {
                return new WixOAuthApi() {
                    @Override
                    public AccessTokenResponse access(AccessTokenRequest request) {
                        return tokenEndpoint.apply(request);
                    }

                    @Override
                    public AccessTokenResponse token(ClientCredentialsRequest request) {
                        throw new UnsupportedOperationException("not a call of the install");
                    }

                    @Override
                    public TokenInfo.Response tokenInfo(TokenInfo.Request request) {
                        throw new UnsupportedOperationException("not a call of the install");
                    }
                };
            }

            @Override
            WixAppsApi apps() {
                return new WixAppsApi() {
                    @Override
                    public AppInstanceResponse instance(String accessToken) {
                        return instanceEndpoint.apply(accessToken);
                    }

                    @Override
                    public String instanceJson(String accessToken) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public String biEvent(String accessToken, BiEvent event) {
                        throw new UnsupportedOperationException();
                    }
                };
            }
        };
        WixSettings settings = new WixSettings();
        settings.config = MapConfig.of(WixSettings.APP_ID, "app", WixSettings.APP_SECRET, "secret");
        exchange.grants = new WixGrants();
        exchange.grants.settings = settings;
        exchange.grants.credentials = new WixCredentials();
        exchange.clock = new SettableClock(NOW);
    }

    private static Function<AccessTokenRequest, AccessTokenResponse> failing(RuntimeException failure) {
        return request -> {
            throw failure;
        };
    }

    @Test
    void a_granted_code_gives_the_grant() {
        tokenEndpoint = request -> new AccessTokenResponse("access", "refresh", null);

        assertThat(exchange.exchange("code")).isEqualTo(new Reply.Ok<>(new Grant("refresh", "access", NOW.plusSeconds(300))));
    }

    @Test
    void a_code_wix_refuses_is_refused_for_good() {
        tokenEndpoint = failing(new WixCallFailed(WixFailure.ofStatus(400, Optional.empty())));

        assertThat(exchange.exchange("code")).isEqualTo(new Reply.Failed<>(new CallbackOutcome.Refused(Refusal.CODE_REJECTED)));
    }

    @Test
    void refused_app_credentials_are_the_team_problem() {
        tokenEndpoint = failing(new WixCallFailed(WixFailure.ofStatus(403, Optional.empty())));

        assertThat(exchange.exchange("code")).isEqualTo(new Reply.Failed<>(new CallbackOutcome.Misconfigured()));
        assertThat(exchange.grants.credentials.refused()).isTrue();
    }

    @Test
    void wix_down_or_slow_asks_for_a_reload_with_its_retry_after() {
        tokenEndpoint = failing(new WixCallFailed(WixFailure.ofStatus(429, Optional.of(Duration.ofSeconds(30)))));
        assertThat(exchange.exchange("code"))
                .isEqualTo(new Reply.Failed<>(new CallbackOutcome.WixUnavailable(false, Optional.of(Duration.ofSeconds(30)))));

        tokenEndpoint = failing(new ProcessingException(new SocketTimeoutException()));
        assertThat(exchange.exchange("code"))
                .isEqualTo(new Reply.Failed<>(new CallbackOutcome.WixUnavailable(false, Optional.empty())));
    }

    @Test
    void an_answer_without_the_documented_tokens_is_unreadable() {
        tokenEndpoint = request -> new AccessTokenResponse("access", null, null);

        assertThat(exchange.exchange("code"))
                .isEqualTo(new Reply.Failed<>(new CallbackOutcome.WixUnavailable(true, Optional.empty())));
    }

    @Test
    void wix_names_the_site_of_a_token() {
        instanceEndpoint = token -> new AppInstanceResponse(new AppInstanceResponse.Instance("8a4f2a3e-1c2b-4d5e-9f00-123456789abc"),
                new AppInstanceResponse.Site("  Ada's Shop "));

        assertThat(exchange.instanceOf("access")).isEqualTo(new Reply.Ok<>(
                new WixSite("8a4f2a3e-1c2b-4d5e-9f00-123456789abc", Optional.of("Ada's Shop"))));
    }

    @Test
    void a_site_without_a_name_is_still_the_site() {
        instanceEndpoint = token -> new AppInstanceResponse(new AppInstanceResponse.Instance("8a4f2a3e-1c2b-4d5e-9f00-123456789abc"), null);

        assertThat(exchange.instanceOf("access")).isEqualTo(new Reply.Ok<>(
                new WixSite("8a4f2a3e-1c2b-4d5e-9f00-123456789abc", Optional.empty())));
    }

    @Test
    void wix_refusing_the_token_it_just_granted_confirms_nothing() {
        instanceEndpoint = token -> {
            throw new WixCallFailed(WixFailure.ofStatus(401, Optional.empty()));
        };
        assertThat(exchange.instanceOf("access"))
                .isEqualTo(new Reply.Failed<>(new CallbackOutcome.WixUnavailable(true, Optional.empty())));

        instanceEndpoint = token -> new AppInstanceResponse(null, null);
        assertThat(exchange.instanceOf("access"))
                .isEqualTo(new Reply.Failed<>(new CallbackOutcome.WixUnavailable(true, Optional.empty())));
    }
}
