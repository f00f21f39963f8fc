package dev.wixbridge.platform.web;

/** A browser-facing request whose query parameters are not what the page needs. */
public class InvalidQueryParameter extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String problem;

    public InvalidQueryParameter(String parameter, String problem) {
        // The value is never part of the message: it may be a code or a token.
        super("query parameter '" + parameter + "' " + problem, null, false, false);
        this.parameter = parameter;
        this.problem = problem;
    }

    public String parameter() {
        return parameter;
    }

    public String problem() {
        return problem;
    }
}
