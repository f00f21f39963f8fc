package dev.wixbridge.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class InvalidApiParameterMapper implements ExceptionMapper<InvalidApiParameter> {

    @Override
    public Response toResponse(InvalidApiParameter e) {
        return Problem.invalidParameter(e.getMessage()).toResponse();
    }
}
