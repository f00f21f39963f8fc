package dev.wixbridge;

import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import dev.wixbridge.admin.AdminResource;
import dev.wixbridge.api.ApiKeyAuthentication;
import dev.wixbridge.api.ApiRoleCheck;
import dev.wixbridge.api.InvalidApiParameterMapper;
import dev.wixbridge.event.boundary.EventsResource;
import dev.wixbridge.event.boundary.WebhookResource;
import dev.wixbridge.identity.boundary.IdentitiesResource;
import dev.wixbridge.install.boundary.AppUrlResource;
import dev.wixbridge.install.boundary.ConfigurationGate;
import dev.wixbridge.install.boundary.RedirectUrlResource;
import dev.wixbridge.installation.boundary.InstallationsResource;
import dev.wixbridge.platform.web.BrowserFacingHeaders;
import dev.wixbridge.platform.web.InvalidQueryParameterPage;
import dev.wixbridge.platform.web.RequestBodyLimit;
import dev.wixbridge.platform.web.UnexpectedFailureMapper;
import dev.wixbridge.proxy.boundary.WixProxyResource;
import dev.wixbridge.sandbox.SandboxApiResource;
import dev.wixbridge.sandbox.SandboxGate;
import dev.wixbridge.sandbox.SandboxInstallerResource;
import dev.wixbridge.sandbox.SandboxLoopbackOnly;
import dev.wixbridge.sandbox.SandboxSitesResource;
import dev.wixbridge.token.boundary.AccessTokenResource;
import dev.wixbridge.token.boundary.AccessTokenViewWriter;
import dev.wixbridge.token.boundary.SealedTokenUnreadableMapper;
import dev.wixbridge.token.boundary.SetupCompleteResource;
import dev.wixbridge.token.boundary.RefreshTokensResource;
import dev.wixbridge.token.boundary.TokenKeysResource;
import dev.wixbridge.token.boundary.WixAppGate;
import dev.wixbridge.token.boundary.WixInstanceResource;

/**
 * Every HTTP endpoint of the product, listed here rather than found by scanning: the list is
 * the product's surface, and the REST client interfaces for Wix are not mistaken for resources.
 * The header of the OpenAPI document ({@code /openapi}) sits here, where every server looks for it.
 *
 * <p>Resources are {@code @ApplicationScoped} unless they keep request state in fields: one
 * instance serves every request, where creating and injecting one per request (the JAX-RS
 * default) was about a fifth of a token request's CPU. Request data comes in as method parameters.
 */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "Wix Bridge API", version = "1",
        description = "Installations of the Wix app and valid Wix access tokens for them. "
                + "Errors are application/problem+json (RFC 9457); switch on 'type'."))
@SecurityScheme(securitySchemeName = ApiKeyAuthentication.OPENAPI_SCHEME, type = SecuritySchemeType.HTTP,
        scheme = "bearer", description = "A key from api.keys, as 'Authorization: Bearer <key>'")
public class RestApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                HomeResource.class,
                AdminResource.class,
                AppUrlResource.class,
                RedirectUrlResource.class,
                ConfigurationGate.class,
                InstallationsResource.class,
                WebhookResource.class,
                EventsResource.class,
                IdentitiesResource.class,
                WixProxyResource.class,
                AccessTokenResource.class,
                AccessTokenViewWriter.class,
                SetupCompleteResource.class,
                WixInstanceResource.class,
                TokenKeysResource.class,
                RefreshTokensResource.class,
                ApiRoleCheck.class,
                WixAppGate.class,
                InvalidApiParameterMapper.class,
                SealedTokenUnreadableMapper.class,
                BrowserFacingHeaders.class,
                RequestBodyLimit.class,
                InvalidQueryParameterPage.class,
                UnexpectedFailureMapper.class,
                SandboxGate.class,
                SandboxLoopbackOnly.class,
                SandboxInstallerResource.class,
                SandboxApiResource.class,
                SandboxSitesResource.class);
    }
}
