package dev.wixbridge.proxy.control;

/** Sends one request to Wix's API host ({@code wix.api-url}); implemented in the {@code wix} package. */
public interface WixApi {

    /**
     * @return Wix's answer, whatever its status; the caller closes it
     * @throws WixUnreachable when no answer began within the request's timeout
     */
    WixAnswer send(WixRequest request) throws WixUnreachable;
}
