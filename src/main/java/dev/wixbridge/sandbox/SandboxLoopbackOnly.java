package dev.wixbridge.sandbox;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

import dev.wixbridge.platform.config.SandboxMode;
import dev.wixbridge.platform.web.HtmlPage;

/**
 * A sandbox answers only this machine: it hands out demo tokens without a login and shows its
 * API key on the home page, so a request from any other address (a colleague on the network, a
 * port forwarded by mistake) gets {@code 403} before anything else runs. Outside sandbox mode this
 * filter lets everything through.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class SandboxLoopbackOnly implements ContainerRequestFilter {

    @Inject
    SandboxMode sandbox;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (sandbox.active() && !isLoopback(request.getRemoteAddr())) {
            context.abortWith(new HtmlPage(Status.FORBIDDEN, "This sandbox answers only its own machine",
                    "Sandbox mode is for trying the product on one computer: it answers requests from that computer only.",
                    "Open it there, at http://localhost.").toResponse());
        }
    }

    private static boolean isLoopback(String address) {
        try {
            // an address literal: no name lookup happens
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
