package dev.wixbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every black-box test class of a deployed WAR shares: the fake Wix, reset before each
 * test; the database; and, once the class is done, a scan of the server log for every
 * secret the fake ever issued. Each class brings its own {@code @Deployment}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class AgainstFakeWix {

    protected final FakeWix wix = FakeWix.shared();
    protected final DatabaseRows rows = Deployments.database();

    @BeforeEach
    void resetWix() {
        wix.reset(Deployments.REDIRECT_URL);
    }

    @AfterAll
    static void logHoldsNoSecret() {
        ServerLog.assertHoldsNone(FakeWix.shared().secrets());
    }

    /** A site that went through the whole install. */
    protected FakeWix.Site installed() {
        FakeWix.Site site = wix.newSite();
        assertThat(OwnerJourney.install(new Browser(), site).statusCode()).isEqualTo(302);
        return site;
    }

    /** The site's stored access token is past its life: the next request for it must refresh. */
    protected void expire(FakeWix.Site site) {
        assertThat(rows.update("UPDATE installation SET access_token_expires_at = ? WHERE instance_id = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), site.instanceId())).isEqualTo(1);
    }

    protected static String tokenPath(FakeWix.Site site) {
        return "/api/installations/" + site.instanceId() + "/access-token";
    }
}
