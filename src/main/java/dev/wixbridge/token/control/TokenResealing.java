package dev.wixbridge.token.control;

import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.wixbridge.installation.control.Installations;
import dev.wixbridge.installation.entity.Installation;
import dev.wixbridge.platform.persistence.Database;

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
    Database database;

    @Inject
    Installations installations;

    @Inject
    TokenCipher cipher;

    @Inject
    TokenKeys keys;

    /** @return how many installations were resealed */
    public int resealAll() {
        String current = keys.currentId();
        int resealed = 0;
        List<String> batch;
        do {
            batch = database.inTransaction(em -> installations.sealedUnderOtherKey(em, current, BATCH));
            for (String instanceId : batch) {
                boolean changed = database.inTransaction(em -> {
                    Installation installation = installations.lock(em, instanceId);
                    return installation != null && installation.sealedTokens()
                            .filter(sealed -> !current.equals(sealed.keyId()))
                            .map(sealed -> {
                                installation.resealed(cipher.reseal(instanceId, sealed));
                                return true;
                            }).orElse(false);
                });
                resealed += changed ? 1 : 0;
            }
        } while (batch.size() == BATCH);
        int total = resealed;
        LOG.info(() -> "Resealed the tokens of " + total + " installation(s) under key " + current);
        return total;
    }
}
