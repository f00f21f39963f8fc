package dev.wixbridge.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.ChromeBrowser;
import dev.wixbridge.testing.Deployments;
import dev.wixbridge.testing.FakeWix;
import dev.wixbridge.testing.FakeWix.Failure;
import dev.wixbridge.testing.OwnerJourney;

/**
 * The pages a site owner or an admin sees, in a real browser: an install through the App URL,
 * the error pages (forged state, expired state, Wix down) and the admin page, with screenshots.
 */
class PagesInBrowserIT extends AgainstFakeWix {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Deployments.fakeWixSettings());
    }

    @BeforeEach
    void needsChromium() {
        assumeTrue(ChromeBrowser.isInstalled(), "Debian's chromium and chromium-driver (installed by .ci/run)");
    }

    @Test
    void an_owner_installs_and_wix_closes_the_window() {
        FakeWix.Site site = wix.newSite();
        try (ChromeBrowser chrome = ChromeBrowser.start()) {
            WebDriver page = chrome.driver();
            page.get(OwnerJourney.APP_URL + "?token=" + site.installToken());
            // App URL → Wix consent (the fake approves at once) → Redirect URL → Wix's close-window page
            assertThat(page.getCurrentUrl()).startsWith(FakeWix.baseUrl() + "/installer/close-window?access_token=");
            assertThat(page.getPageSource()).contains("Window closed");
            chrome.screenshot("owner-1-installed");
        }
        assertThat(rows.installations(site.instanceId())).isEqualTo(1);
    }

    @Test
    void a_forged_state_shows_a_plain_page() {
        try (ChromeBrowser chrome = ChromeBrowser.start()) {
            WebDriver page = chrome.driver();
            page.get(Deployments.REDIRECT_URL + "?code=c&instanceId=" + java.util.UUID.randomUUID() + "&state=" + "A".repeat(43));
            assertThat(chrome.heading("This install link is not valid")).isEqualTo("This install link is not valid");
            chrome.screenshot("error-forged-state");
        }
    }

    @Test
    void an_expired_state_shows_a_plain_page() {
        FakeWix.Site site = wix.newSite();
        try (ChromeBrowser chrome = ChromeBrowser.start()) {
            WebDriver page = chrome.driver();
            URI callback = approveInChrome(page, site);
            rows.update("UPDATE install_state SET expires_at = ? WHERE state_hash = ?",
                    OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), Deployments.fingerprint(OwnerJourney.queryOf(callback).get("state")));
            page.get(callback.toString());
            assertThat(chrome.heading("This install link has expired")).isEqualTo("This install link has expired");
            chrome.screenshot("error-expired-state");
        }
    }

    @Test
    void wix_down_shows_a_page_that_asks_for_a_reload() {
        FakeWix.Site site = wix.newSite();
        try (ChromeBrowser chrome = ChromeBrowser.start()) {
            WebDriver page = chrome.driver();
            URI callback = approveInChrome(page, site);
            wix.failTokenCalls(Failure.status(503));
            page.get(callback.toString());
            assertThat(chrome.heading("Wix is not answering right now")).isEqualTo("Wix is not answering right now");
            chrome.screenshot("error-wix-down");

            page.navigate().refresh();
            assertThat(page.getCurrentUrl()).startsWith(FakeWix.baseUrl() + "/installer/close-window");
        }
    }

    @Test
    void an_admin_logs_in_and_sees_the_installations() {
        FakeWix.Site site = installed();
        try (ChromeBrowser chrome = ChromeBrowser.start()) {
            WebDriver page = chrome.driver();
            page.get(Deployments.SERVER + "/admin");
            chrome.screenshot("admin-1-login");
            page.findElement(By.id("key")).sendKeys(Deployments.API_KEY);
            page.findElement(By.xpath("//button[text()='Log in']")).click();
            assertThat(chrome.heading("Installations")).isEqualTo("Installations");
            assertThat(page.findElement(By.tagName("table")).getText()).contains(site.instanceId(), site.name());
            assertThat(page.findElement(By.className("counts")).getText()).contains("ACTIVE", "All");
            WebElement installedAt = page.findElement(By.xpath("//tr[contains(., '" + site.instanceId() + "')]//time"));
            assertThat(installedAt.getText()).matches("just now|[0-9]+ s ago");
            assertThat(installedAt.getAttribute("title")).endsWith(" UTC");
            assertThat(installedAt.getCssValue("white-space")).as("a time never wraps mid-date").isEqualTo("nowrap");
            chrome.screenshot("admin-2-installations");

            page.findElement(By.id("instance")).sendKeys(site.instanceId());
            page.findElement(By.xpath("//button[text()='Show']")).click();
            assertThat(chrome.textOnceItReads(By.tagName("caption"), "Installation " + site.instanceId()))
                    .isEqualTo("Installation " + site.instanceId());
            assertThat(page.findElements(By.cssSelector("tbody tr"))).hasSize(1);
            chrome.screenshot("admin-3-search");
        }
    }

    /** App URL and Wix's consent page in Chrome, up to the Approve link; returns where it leads. */
    private URI approveInChrome(WebDriver page, FakeWix.Site site) {
        wix.approveByClick();
        page.get(OwnerJourney.APP_URL + "?token=" + site.installToken());
        return URI.create(page.findElement(By.id("approve")).getAttribute("href"));
    }
}
