package dev.wixbridge.platform.health;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the web module has finished loading its servlets, told by {@link LastServletLoaded}.
 * Our CDI beans (and so the health checks) exist before the servlets are loaded, and the
 * server may route requests to the module meanwhile: on Payara Micro, a burst of requests then
 * races the JAX-RS servlet's own start and is answered with the server's 500 and 503 pages.
 */
@ApplicationScoped
public class WebModuleStarted {

    private final AtomicBoolean started = new AtomicBoolean();

    void markStarted() {
        started.set(true);
    }

    public boolean isStarted() {
        return started.get();
    }
}
