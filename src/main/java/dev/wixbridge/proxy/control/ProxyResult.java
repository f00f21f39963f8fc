package dev.wixbridge.proxy.control;

import dev.wixbridge.token.control.AccessTokenResult;

/** How a proxied call ended; handled through {@link #match(Cases)}. */
public sealed interface ProxyResult {

    <R> R match(Cases<R> cases);

    interface Cases<R> {
        /** Wix answered (any status); the receiver passes it on and closes it. */
        R answered(WixAnswer answer);

        /** No token for the site, for the reason given: nothing was sent. */
        R noToken(AccessTokenResult reason);

        /** Wix did not begin to answer within {@code wix.proxy.timeout}, or could not be reached. */
        R unreachable();
    }

    record Answered(WixAnswer answer) implements ProxyResult {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.answered(answer);
        }
    }

    record NoToken(AccessTokenResult reason) implements ProxyResult {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.noToken(reason);
        }
    }

    record Unreachable() implements ProxyResult {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.unreachable();
        }
    }
}
