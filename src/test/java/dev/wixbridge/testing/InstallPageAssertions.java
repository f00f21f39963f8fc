package dev.wixbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

/** What every answer of the install URLs must look like to a browser and to Wix. */
public final class InstallPageAssertions {

    private InstallPageAssertions() {
    }

    /** Headers Wix needs (COOP unsafe-none, framable) and that keep codes and tokens private. */
    public static void assertInstallHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Cross-Origin-Opener-Policy")).hasValue("unsafe-none");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("X-Frame-Options")).isEmpty();
    }

    /** A plain HTML page for a site owner with this status and these words, and nothing technical. */
    public static void assertPage(HttpResponse<String> response, int status, String... words) {
        assertThat(response.statusCode()).as("status of " + response.uri().getPath()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("<h1>").contains(words)
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("dev.wixbridge")
                .doesNotContain(FakeWix.APP_SECRET);
        assertInstallHeaders(response);
    }
}
