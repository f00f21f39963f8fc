package dev.wixbridge.platform.web;

import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A link with missing or broken parameters: 400 and a page that says where to start again. */
@Provider
public class InvalidQueryParameterPage implements ExceptionMapper<InvalidQueryParameter> {

    private static final Logger LOG = Logger.getLogger(InvalidQueryParameterPage.class.getName());

    @Override
    public Response toResponse(InvalidQueryParameter e) {
        LOG.info(() -> "Refused a browser request: " + e.getMessage());
        return new HtmlPage(Response.Status.BAD_REQUEST, "This link is incomplete",
                "The address that brought you here is not complete or was changed on the way (the “"
                        + e.parameter() + "” part " + e.problem() + ").",
                "Please open the app again from your Wix dashboard.").toResponse();
    }
}
