package dev.wixbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import dev.wixbridge.RestApplication;

/** The API's second lock ({@link ApiRoleCheck}) is on every resource under {@code /api}, and only there. */
class ApiResourcesTest {

    @Test
    void every_api_resource_and_only_those_check_the_callers_role() {
        List<Class<?>> resources = new RestApplication().getClasses().stream()
                .filter(type -> type.isAnnotationPresent(Path.class)).toList();
        List<Class<?>> api = resources.stream()
                .filter(type -> type.getAnnotation(Path.class).value().replaceFirst("^/", "").startsWith("api/")).toList();

        assertThat(api).as("resources under /api").hasSizeGreaterThanOrEqualTo(9)
                .allSatisfy(type -> assertThat(type).hasAnnotation(ApiClientsOnly.class));
        assertThat(resources.stream().filter(type -> type.isAnnotationPresent(ApiClientsOnly.class)))
                .containsExactlyInAnyOrderElementsOf(api);
        assertThat(new RestApplication().getClasses()).contains(ApiRoleCheck.class);
    }
}
