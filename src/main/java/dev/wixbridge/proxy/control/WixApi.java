package dev.wixbridge.proxy.control;

/** Sends one request to Wix's API host ({@code wix.api-url}); implemented in the {@code wix} package. */
public interface WixApi {

    /**
     * @return Wix's answer, whatever its status; the caller closes it
     * @throws WixUnreachable when no answer began within the request's timeout
     * @throws IllegalArgumentException when the request cannot be sent as the caller wrote it (the reason fit for the caller)
     */
    WixAnswer send(WixRequest request) throws WixUnreachable;
}
