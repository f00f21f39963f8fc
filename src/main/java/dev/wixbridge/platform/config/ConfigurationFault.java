package dev.wixbridge.platform.config;

/**
 * A setting of the deployment is unusable (say, a token key file others may read): no caller's
 * fault, and nothing a retry of theirs fixes. Requests that need it are answered 503, pages and
 * problem documents alike; the message names the setting and never quotes its value.
 */
public class ConfigurationFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigurationFault(String message) {
        super(message, null, false, false);
    }
}
