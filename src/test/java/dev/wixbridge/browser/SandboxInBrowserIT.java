package dev.wixbridge.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;


import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import dev.wixbridge.testing.AgainstFakeWix;
import dev.wixbridge.testing.ChromeBrowser;
import dev.wixbridge.testing.Deployments;

/** A newcomer in a real browser: the sandbox's whole install, clicked through, one screenshot per page. */
class SandboxInBrowserIT extends AgainstFakeWix {

    /** The README's run command: no Wix settings, no API key. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        java.util.Map<String, String> settings = Deployments.sandboxSettings();
        settings.remove("api.keys");
        return Deployments.war(settings);
    }

    @Test
    void a_newcomer_installs_a_demo_site_by_clicking() {
        assumeTrue(ChromeBrowser.isInstalled(), "Debian's chromium and chromium-driver (installed by .ci/run)");
        try (ChromeBrowser chrome = ChromeBrowser.start()) {
            WebDriver page = chrome.driver();
            page.get(Deployments.SERVER + "/");
            assertThat(chrome.heading("Wix Bridge (sandbox)")).isEqualTo("Wix Bridge (sandbox)");
            chrome.screenshot("sandbox-1-home");

            page.findElement(By.xpath("//button[text()='Install a demo site']")).click();
            assertThat(chrome.heading("Sandbox: install the app?")).isEqualTo("Sandbox: install the app?");
            assertThat(page.getCurrentUrl()).startsWith(Deployments.SERVER + "/sandbox/installer/install?");
            chrome.screenshot("sandbox-2-consent");

            page.findElement(By.xpath("//button[text()='Approve']")).click();
            assertThat(chrome.heading("Sandbox: installed")).isEqualTo("Sandbox: installed");
            assertThat(page.getCurrentUrl()).startsWith(Deployments.SERVER + "/sandbox/installer/close-window?");
            chrome.screenshot("sandbox-3-installed");

            page.findElement(By.xpath("//button[text()='Get an access token for this site']")).click();
            assertThat(chrome.heading("Sandbox: access token")).isEqualTo("Sandbox: access token");
            assertThat(page.findElement(By.tagName("pre")).getText()).isNotBlank();
            chrome.screenshot("sandbox-4-token");

            // the newcomer administers the sandbox with the key its home page shows
            page.get(Deployments.SERVER + "/");
            String key = page.findElement(By.id("sandbox-api-key")).getText();
            page.findElement(By.linkText("admin page")).click();
            page.findElement(By.id("key")).sendKeys(key);
            page.findElement(By.xpath("//button[text()='Log in']")).click();
            assertThat(chrome.heading("Installations")).isEqualTo("Installations");
            assertThat(page.findElement(By.tagName("tbody")).getText()).contains("Sandbox demo site", "ACTIVE");
            chrome.screenshot("sandbox-5-admin");
        }
    }
}
