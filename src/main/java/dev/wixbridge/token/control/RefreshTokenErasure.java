package dev.wixbridge.token.control;

import java.util.OptionalInt;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.wixbridge.installation.control.Installations;

/**
 * The last step of a migration to client credentials: erases the refresh tokens kept for a
 * switch back. Refused while the app still authenticates with them.
 */
@ApplicationScoped
public class RefreshTokenErasure {

    private static final Logger LOG = Logger.getLogger(RefreshTokenErasure.class.getName());

    @Inject
    TokenSource source;

    @Inject
    Installations installations;

    /** How many were erased; empty in custom mode, where erasing them would cut every site off. */
    public OptionalInt eraseAll() {
        if (source.usesRefreshTokens()) {
            return OptionalInt.empty();
        }
        int erased = installations.eraseRefreshTokens();
        LOG.info(() -> "event=refresh_tokens_erased count=" + erased);
        return OptionalInt.of(erased);
    }
}
