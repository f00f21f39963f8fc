package dev.wixbridge.platform;

import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import dev.wixbridge.api.InstallationsResource;
import dev.wixbridge.api.InvalidApiParameterMapper;
import dev.wixbridge.api.SealedTokenUnreadableMapper;
import dev.wixbridge.api.TokenKeysResource;
import dev.wixbridge.install.boundary.AppUrlResource;
import dev.wixbridge.install.boundary.RedirectUrlResource;
import dev.wixbridge.platform.web.BrowserFacingHeaders;
import dev.wixbridge.platform.web.InvalidQueryParameterPage;
import dev.wixbridge.platform.web.UnexpectedFailureMapper;

/**
 * Every HTTP endpoint of the product, listed here rather than found by scanning: the list is
 * the product's surface, and the REST client interfaces for Wix are not mistaken for resources.
 */
@ApplicationPath("/")
public class RestApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                AppUrlResource.class,
                RedirectUrlResource.class,
                InstallationsResource.class,
                TokenKeysResource.class,
                InvalidApiParameterMapper.class,
                SealedTokenUnreadableMapper.class,
                BrowserFacingHeaders.class,
                InvalidQueryParameterPage.class,
                UnexpectedFailureMapper.class);
    }
}
