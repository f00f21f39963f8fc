package dev.wixbridge.api;

/** A path or query parameter of an API call that is not acceptable: 400. */
public class InvalidApiParameter extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidApiParameter(String message) {
        super(message, null, false, false);
    }
}
