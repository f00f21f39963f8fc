package dev.wixbridge.wix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.wixbridge.event.control.ReceivedEvent;
import dev.wixbridge.event.control.WebhookVerifier.Verification;
import dev.wixbridge.testing.MapConfig;
import dev.wixbridge.testing.SettableClock;
import dev.wixbridge.testing.WebhookSigner;
import dev.wixbridge.testing.WebhookSigner.Event;

/** Wix's webhook JWTs, read as Wix's SDK reads them, and every forgery refused. */
class WixWebhooksTest {

    private static final String SITE = "8a4f2a3e-1c2b-4d5e-9f00-123456789abc";

    private final WixWebhooks webhooks = new WixWebhooks();

    WixWebhooksTest() {
        webhooks.settings = new WixSettings();
        webhooks.settings.config = MapConfig.of(WixSettings.WEBHOOK_PUBLIC_KEY, WebhookSigner.publicKeyPem());
        webhooks.clock = new SettableClock(Instant.now());
    }

    @Test
    void a_webhook_signed_by_wix_is_decoded_with_its_payload_identity_and_time() {
        Event event = Event.of("PaidPlanPurchased", SITE, "{\"id\":\"ev-1\",\"eventTime\":\"2026-12-01T10:00:00Z\",\"plan\":\"gold\"}")
                .withIdentity("{\"identityType\":\"WIX_USER\"}");

        Verification verification = webhooks.verify(WebhookSigner.webhook(event));

        assertThat(verification).isInstanceOf(Verification.Verified.class);
        ReceivedEvent received = ((Verification.Verified) verification).event();
        assertThat(received.id()).isEqualTo("wix:ev-1");
        assertThat(received.type()).isEqualTo("PaidPlanPurchased");
        assertThat(received.instanceId()).hasValue(SITE);
        assertThat(received.happenedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(received.data()).contains("\"plan\":\"gold\"");
        assertThat(received.identity()).hasValue("{\"identityType\":\"WIX_USER\"}");
    }

    @Test
    void without_an_event_id_the_same_body_has_the_same_id() {
        String body = WebhookSigner.webhook(Event.of("AppRemoved", SITE, "{\"appId\":\"a\"}"));

        ReceivedEvent first = ((Verification.Verified) webhooks.verify(body)).event();
        ReceivedEvent again = ((Verification.Verified) webhooks.verify(body)).event();

        assertThat(first.id()).startsWith("sha256:").isEqualTo(again.id());
    }

    @Test
    void forgeries_and_expired_webhooks_are_refused_as_forged() {
        Event event = Event.of("AppRemoved", SITE, "{}");

        assertThat(webhooks.verify(WebhookSigner.signedBySomeoneElse(event))).isInstanceOf(Verification.Forged.class);
        assertThat(webhooks.verify(WebhookSigner.unsigned(event))).isInstanceOf(Verification.Forged.class);
        assertThat(webhooks.verify(WebhookSigner.hmacWithThePublicKey(event))).isInstanceOf(Verification.Forged.class);
        assertThat(webhooks.verify(WebhookSigner.webhook(event.expiringAt(Instant.now().minusSeconds(1)))))
                .isInstanceOf(Verification.Forged.class);
        assertThat(webhooks.verify(WebhookSigner.webhook(event.issuedAt(Instant.now().plusSeconds(120)))))
                .isInstanceOf(Verification.Forged.class);
    }

    @Test
    void what_is_not_of_wix_shape_is_malformed() {
        assertThat(webhooks.verify("not.a.jwt")).isInstanceOf(Verification.Malformed.class);
        assertThat(webhooks.verify(WebhookSigner.withDataAsObject(Event.of("AppRemoved", SITE, "{}"))))
                .isInstanceOf(Verification.Malformed.class);
        assertThat(webhooks.verify(WebhookSigner.webhook(Event.of("AppRemoved", SITE, "not json"))))
                .isInstanceOf(Verification.Malformed.class);
        assertThat(webhooks.verify(WebhookSigner.webhook(Event.of("AppRemoved", "site-1", "{}"))))
                .isInstanceOf(Verification.Malformed.class);
    }

    @Test
    void without_a_usable_key_nothing_is_verified() {
        webhooks.settings.config = MapConfig.of();
        assertThat(webhooks.verify(WebhookSigner.webhook(Event.of("AppRemoved", SITE, "{}"))))
                .isInstanceOf(Verification.NotConfigured.class);
        webhooks.settings.config = MapConfig.of(WixSettings.WEBHOOK_PUBLIC_KEY, "-----BEGIN PUBLIC KEY-----abc-----END PUBLIC KEY-----");
        assertThat(webhooks.verify(WebhookSigner.webhook(Event.of("AppRemoved", SITE, "{}"))))
                .isInstanceOf(Verification.NotConfigured.class);
        assertThat(webhooks.settings.webhookProblems()).singleElement().asString().contains(WixSettings.WEBHOOK_PUBLIC_KEY);
        assertThat(Optional.of(webhooks.settings.webhookProblems().get(0))).hasValueSatisfying(
                problem -> assertThat(problem).doesNotContain("abc"));
    }
}
