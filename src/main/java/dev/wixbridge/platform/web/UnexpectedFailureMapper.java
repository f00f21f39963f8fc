package dev.wixbridge.platform.web;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.wixbridge.platform.config.ConfigurationFault;

/**
 * The last line: whatever no other mapper took. The caller gets a plain page (or a problem
 * document) without any detail of the failure; the log gets the failure for the team.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Context
    ResourceInfo resource;

    @Override
    public Response toResponse(RuntimeException e) {
        if (e instanceof WebApplicationException web) {
            // JAX-RS's own answers (404, 405, 415 ...): keep the status, drop any detail.
            Response.StatusType status = web.getResponse().getStatusInfo();
            return render(status, status.getReasonPhrase(), "about:blank");
        }
        if (e instanceof ConfigurationFault fault) {
            // said at start-up as SEVERE; each refused request only at FINE
            LOG.fine(() -> "Refused a request: " + fault.getMessage());
            return render(Response.Status.SERVICE_UNAVAILABLE, "Configuration incomplete", "/problems/configuration-incomplete");
        }
        if (isDatabaseFailure(e)) {
            // The cause's class is enough to act on; its message may quote SQL.
            LOG.severe("Database unavailable while serving a request: " + rootCause(e).getClass().getName());
            return render(Response.Status.SERVICE_UNAVAILABLE, "Service temporarily unavailable", "/problems/database-unavailable");
        }
        LOG.log(Level.SEVERE, "Unexpected failure while serving a request", e);
        return render(Response.Status.INTERNAL_SERVER_ERROR, "Something went wrong on our side", "about:blank");
    }

    private Response render(Response.StatusType status, String title, String problemType) {
        if (isBrowserFacing()) {
            String next = status.getFamily() == Response.Status.Family.SERVER_ERROR
                    ? "Please wait a minute, then reload this page." : "Please open the app again from your Wix dashboard.";
            return new HtmlPage(status, title, "We could not complete your request.", next).toResponse();
        }
        Problem problem = new Problem(problemType, title, status.getStatusCode(), null);
        return problem.toResponse(status.getStatusCode() == 503 ? Optional.of(RetryAfter.DEFAULT) : Optional.empty());
    }

    private boolean isBrowserFacing() {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        return type != null && type.isAnnotationPresent(BrowserFacing.class);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static boolean isDatabaseFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PersistenceException || cause instanceof java.sql.SQLException) {
                return true;
            }
        }
        return false;
    }
}
