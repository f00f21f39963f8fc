package dev.wixbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import jakarta.json.JsonObject;

/** What an API error must look like: problem+json with the right status and type, nothing technical. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    public static JsonObject assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as("status of " + response.request().method() + " " + response.uri().getPath()
                + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("dev.wixbridge")
                .doesNotContain(FakeWix.APP_SECRET);
        JsonObject problem = ApiClient.json(response);
        assertThat(problem.getInt("status")).isEqualTo(status);
        if (type != null) {
            assertThat(problem.getString("type")).isEqualTo(type);
        }
        return problem;
    }
}
