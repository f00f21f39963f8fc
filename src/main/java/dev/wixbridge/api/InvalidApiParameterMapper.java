package dev.wixbridge.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A malformed path or query parameter of an API call: 400, {@code /problems/invalid-parameter}. */
@Provider
public class InvalidApiParameterMapper implements ExceptionMapper<InvalidApiParameter> {

    @Override
    public Response toResponse(InvalidApiParameter e) {
        return Problems.invalidParameter(e.getMessage()).toResponse();
    }
}
