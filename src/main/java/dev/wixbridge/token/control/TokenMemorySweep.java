package dev.wixbridge.token.control;

import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Every minute, drops the tokens this server's memory no longer vouches for (see {@link AccessTokens#forgetStale()}). */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // touches memory only
public class TokenMemorySweep {

    private static final Logger LOG = Logger.getLogger(TokenMemorySweep.class.getName());

    @Inject
    AccessTokens accessTokens;

    @Schedule(hour = "*", minute = "*", persistent = false)
    void sweep() {
        int dropped = accessTokens.forgetStale();
        if (dropped > 0) {
            LOG.fine(() -> "Dropped " + dropped + " stale tokens from memory");
        }
    }
}
