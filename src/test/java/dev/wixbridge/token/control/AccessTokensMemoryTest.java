package dev.wixbridge.token.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.wixbridge.testing.SettableClock;

/** What a server keeps in memory stays bounded by the sites served lately, not by all sites ever served. */
class AccessTokensMemoryTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final AccessTokens tokens = new AccessTokens();

    AccessTokensMemoryTest() {
        tokens.clock = clock;
    }

    @Test
    void tokensPastTheirTrustAreDroppedAndRecentOnesKept() {
        tokens.remember(issued("old-1"));
        tokens.remember(issued("old-2"));
        clock.advance(AccessTokens.MEMORY_TRUST.minusSeconds(1));
        tokens.remember(issued("recent"));

        assertEquals(0, tokens.forgetStale(), "nothing is past its trust yet");
        clock.advance(Duration.ofSeconds(1));

        assertEquals(2, tokens.forgetStale());
        assertEquals(1, tokens.remembered());
        clock.advance(AccessTokens.MEMORY_TRUST);
        assertEquals(1, tokens.forgetStale());
        assertEquals(0, tokens.remembered());
    }

    @Test
    void aSweepOfAnEmptyMemoryDropsNothing() {
        assertEquals(0, tokens.forgetStale());
    }

    private AccessTokenResult.Issued issued(String instanceId) {
        return new AccessTokenResult.Issued(instanceId, "token-of-" + instanceId, clock.instant().plus(Duration.ofMinutes(5)));
    }
}
