package dev.wixbridge.token.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.wixbridge.installation.control.Installations;

/**
 * Re-encrypts every stored token under the current key, so an old key can be retired:
 * put the new key first in {@code wix.token-keys}, run this, then drop the old key.
 * Each row is resealed in its own short transaction under its row lock, so it can run
 * while the service serves tokens, and again after an interruption.
 */
@ApplicationScoped
public class TokenResealing {

    private static final Logger LOG = Logger.getLogger(TokenResealing.class.getName());
    private static final int BATCH = 100;

    @Inject
    Installations installations;

    @Inject
    TokenCipher cipher;

    @Inject
    TokenKeys keys;

    /** How a resealing run went: rows resealed, and rows whose tokens do not open (left as they were). */
    public record Outcome(String keyId, int resealed, List<String> unreadable) {
    }

    public Outcome resealAll() {
        String current = keys.currentId();
        int resealed = 0;
        List<String> unreadable = new ArrayList<>();
        Optional<String> after = Optional.empty();
        List<String> batch;
        do {
            batch = installations.sealedUnderOtherKey(current, after, BATCH);
            for (String instanceId : batch) {
                try {
                    resealed += reseal(instanceId, current) ? 1 : 0;
                } catch (SealedTokenUnreadable e) {
                    LOG.severe("Cannot reseal: " + e.getMessage());
                    unreadable.add(instanceId);
                }
            }
            after = batch.isEmpty() ? after : Optional.of(batch.get(batch.size() - 1));
        } while (batch.size() == BATCH);
        Outcome outcome = new Outcome(current, resealed, List.copyOf(unreadable));
        LOG.info(() -> "Resealed the tokens of " + outcome.resealed() + " installation(s) under key " + current
                + (unreadable.isEmpty() ? "" : "; " + unreadable.size() + " could not be opened"));
        return outcome;
    }

    private boolean reseal(String instanceId, String current) {
        return installations.underLock(instanceId, found -> found
                .flatMap(installation -> installation.sealedTokens()
                        .filter(sealed -> !current.equals(sealed.keyId()))
                        .map(sealed -> {
                            installation.resealed(cipher.reseal(instanceId, sealed));
                            return true;
                        }))
                .orElse(false));
    }
}
