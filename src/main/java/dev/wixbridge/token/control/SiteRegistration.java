package dev.wixbridge.token.control;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.wixbridge.installation.entity.WixSite;
import dev.wixbridge.installation.control.Installations;
import dev.wixbridge.installation.entity.Installation;

/**
 * Registers a site learned of outside the install handshake (apps on Wix's current OAuth): a
 * token by client credentials, Wix's word that the token is for that very site, then the site
 * stored {@code ACTIVE} with its token sealed. Nothing is stored unless all of it worked.
 */
@ApplicationScoped
public class SiteRegistration {

    private static final Logger LOG = Logger.getLogger(SiteRegistration.class.getName());

    @Inject
    TokenSource source;

    @Inject
    Installations installations;

    @Inject
    TokenCipher cipher;

    /** What came of a registration. Handled through {@link #match(Cases)}. */
    public sealed interface Outcome {

        <R> R match(Cases<R> cases);

        interface Cases<R> {
            R registered(Installation installation, boolean created);

            /** The app authenticates by custom authentication: sites come through the install handshake. */
            R wrongAuthMode();

            /** A token result that is not one: Wix refused the site, was unavailable, or refused our credentials. */
            R noToken(AccessTokenResult reason);
        }

        record Registered(Installation installation, boolean created) implements Outcome {
            @Override
            public <R> R match(Cases<R> cases) {
                return cases.registered(installation, created);
            }
        }

        record WrongAuthMode() implements Outcome {
            @Override
            public <R> R match(Cases<R> cases) {
                return cases.wrongAuthMode();
            }
        }

        record NoToken(AccessTokenResult reason) implements Outcome {
            @Override
            public <R> R match(Cases<R> cases) {
                return cases.noToken(reason);
            }
        }
    }

    public Outcome register(String instanceId) {
        if (source.usesRefreshTokens()) {
            return new Outcome.WrongAuthMode();
        }
        return source.renew(instanceId, Optional.empty()).match(new Renewal.Cases<>() {
            @Override
            public Outcome granted(Grant grant) {
                return confirmAndStore(instanceId, grant);
            }

            @Override
            public Outcome grantRefused(String detail) {
                return new Outcome.NoToken(new AccessTokenResult.SiteRefused(Optional.empty()));
            }

            @Override
            public Outcome credentialsRefused() {
                return new Outcome.NoToken(new AccessTokenResult.Misconfigured());
            }

            @Override
            public Outcome siteRefused(Optional<String> wixCode) {
                return new Outcome.NoToken(new AccessTokenResult.SiteRefused(wixCode));
            }

            @Override
            public Outcome unavailable(String cause, Optional<Duration> retryAfter) {
                return new Outcome.NoToken(new AccessTokenResult.WixUnavailable(retryAfter));
            }

            @Override
            public Outcome uncertain() {
                return new Outcome.NoToken(new AccessTokenResult.WixUnavailable(Optional.empty()));
            }
        });
    }

    private Outcome confirmAndStore(String instanceId, Grant grant) {
        return source.siteOf(grant.accessToken()).match(new SiteCallResult.Cases<WixSite, Outcome>() {
            @Override
            public Outcome completed(WixSite site) {
                if (!site.instanceId().equalsIgnoreCase(instanceId)) {
                    LOG.warning("Registration refused: Wix's token for instance " + instanceId + " belongs to instance " + site.instanceId());
                    return new Outcome.NoToken(new AccessTokenResult.SiteRefused(Optional.empty()));
                }
                boolean created = installations.storeRegistered(instanceId, existing -> cipher.seal(instanceId,
                        // A migrated site keeps its refresh token sealed, so a switch back to custom authentication works.
                        existing.flatMap(Installation::sealedTokens).flatMap(sealed -> cipher.openRefreshToken(instanceId, sealed))
                                .orElse(null), grant.accessToken()), grant.accessTokenExpiresAt(), site.name());
                LOG.info(() -> "event=site_registered instance=" + instanceId + " created=" + created);
                return new Outcome.Registered(installations.find(instanceId).orElseThrow(), created);
            }

            @Override
            public Outcome noToken(AccessTokenResult reason) {
                return new Outcome.NoToken(reason);
            }

            @Override
            public Outcome tokenRejected() {
                return new Outcome.NoToken(new AccessTokenResult.SiteRefused(Optional.empty()));
            }

            @Override
            public Outcome refused(int status) {
                return new Outcome.NoToken(new AccessTokenResult.SiteRefused(Optional.empty()));
            }

            @Override
            public Outcome unavailable(Optional<Duration> retryAfter) {
                return new Outcome.NoToken(new AccessTokenResult.WixUnavailable(retryAfter));
            }
        });
    }
}
