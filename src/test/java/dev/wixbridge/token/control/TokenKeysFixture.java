package dev.wixbridge.token.control;

import java.nio.file.Path;

import dev.wixbridge.platform.config.DataDirectory;
import dev.wixbridge.testing.MapConfig;

/** Token keys as a server would load them, for unit tests of any package. */
public final class TokenKeysFixture {

    private TokenKeysFixture() {
    }

    /**
     * @param configured the value of {@code wix.token-keys}, or null for none (a key is then generated in {@code dataDir})
     */
    public static TokenKeys of(String configured, Path dataDir) {
        TokenKeys keys = new TokenKeys();
        keys.config = configured == null ? MapConfig.of() : MapConfig.of(TokenKeys.KEY, configured);
        keys.dataDirectory = new DataDirectory() {
            @Override
            public Path path() {
                return dataDir;
            }
        };
        keys.load();
        return keys;
    }
}
