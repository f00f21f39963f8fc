package dev.wixbridge.token.boundary;

import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.wixbridge.api.Problems;
import dev.wixbridge.token.control.SealedTokenUnreadable;

/** A stored token that does not open is an admin's problem: 503, and the log says which site. */
@Provider
public class SealedTokenUnreadableMapper implements ExceptionMapper<SealedTokenUnreadable> {

    private static final Logger LOG = Logger.getLogger(SealedTokenUnreadableMapper.class.getName());

    @Override
    public Response toResponse(SealedTokenUnreadable e) {
        LOG.severe(e.getMessage());
        return Problems.sealedTokenUnreadable(e.instanceId()).toResponse();
    }
}
