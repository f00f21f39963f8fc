package dev.wixbridge.event.control;

/** Verifies and decodes the body of a webhook; implemented in the {@code wix} package, which knows Wix's JWTs. */
public interface WebhookVerifier {

    Verification verify(String body);

    /** What came of a verification. Handled through {@link #match(Cases)}. */
    sealed interface Verification {

        <R> R match(Cases<R> cases);

        interface Cases<R> {
            R verified(ReceivedEvent event);

            /** Signed by someone else, with another algorithm, or expired: 401. */
            R forged(String reason);

            /** Not a JWT, or not of the shape Wix sends: 400. */
            R malformed(String reason);

            /** No public key is configured: webhooks cannot be verified (503). */
            R notConfigured();
        }

        record Verified(ReceivedEvent event) implements Verification {
            @Override
            public <R> R match(Cases<R> cases) {
                return cases.verified(event);
            }
        }

        record Forged(String reason) implements Verification {
            @Override
            public <R> R match(Cases<R> cases) {
                return cases.forged(reason);
            }
        }

        record Malformed(String reason) implements Verification {
            @Override
            public <R> R match(Cases<R> cases) {
                return cases.malformed(reason);
            }
        }

        record NotConfigured() implements Verification {
            @Override
            public <R> R match(Cases<R> cases) {
                return cases.notConfigured();
            }
        }
    }
}
