package dev.wixbridge.api;

/** The roles of the API (see web.xml's security constraint). */
public final class ApiRoles {

    /** Any caller holding a valid API key. */
    public static final String API_CLIENT = "api-client";

    private ApiRoles() {
    }
}
