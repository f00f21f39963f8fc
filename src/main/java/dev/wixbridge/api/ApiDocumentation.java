package dev.wixbridge.api;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The MicroProfile OpenAPI document's header (served at {@code /openapi}). */
@OpenAPIDefinition(info = @Info(title = "Wix Bridge API", version = "1",
        description = "Installations of the Wix app and valid Wix access tokens for them. "
                + "Errors are application/problem+json (RFC 9457); switch on 'type'."))
@SecurityScheme(securitySchemeName = ApiDocumentation.API_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A key from api.keys, as 'Authorization: Bearer <key>'")
public final class ApiDocumentation {

    static final String API_KEY = "api-key";

    private ApiDocumentation() {
    }
}
