package dev.wixbridge.installation.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One definition of a Wix instance id for every door of the product. */
class InstanceIdsTest {

    @Test
    void a_uuid_in_any_case_is_stored_in_lower_case() {
        assertThat(InstanceIds.parse("8A4F2A3E-1C2B-4D5E-9F00-123456789ABC")).hasValue("8a4f2a3e-1c2b-4d5e-9f00-123456789abc");
    }

    @Test
    void anything_else_is_not_an_instance_id() {
        assertThat(InstanceIds.parse(null)).isEmpty();
        assertThat(InstanceIds.parse("")).isEmpty();
        assertThat(InstanceIds.parse("8a4f2a3e1c2b4d5e9f00123456789abc")).isEmpty();
        assertThat(InstanceIds.parse("8a4f2a3e-1c2b-4d5e-9f00-123456789abc'--")).isEmpty();
    }

    @Test
    void statuses_parse_by_exact_name_only() {
        assertThat(InstallationStatus.parse("UNINSTALLED")).hasValue(InstallationStatus.UNINSTALLED);
        assertThat(InstallationStatus.parse("uninstalled")).isEmpty();
        assertThat(InstallationStatus.parse(null)).isEmpty();
    }
}
