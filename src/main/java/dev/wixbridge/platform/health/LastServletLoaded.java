package dev.wixbridge.platform.health;

import jakarta.inject.Inject;
import jakarta.servlet.GenericServlet;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * A servlet with no mapping, loaded last of the web module ({@code load-on-startup} in
 * {@code web.xml}, after the JAX-RS servlet's): its {@code init} is the moment every endpoint
 * can serve, which readiness waits for ({@link ServingCheck}).
 */
public class LastServletLoaded extends GenericServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient WebModuleStarted webModule;

    @Override
    public void init() {
        webModule.markStarted();
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) {
        throw new IllegalStateException("mapped to no path");
    }
}
