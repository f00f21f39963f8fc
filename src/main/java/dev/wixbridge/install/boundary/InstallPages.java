package dev.wixbridge.install.boundary;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import dev.wixbridge.install.entity.Refusal;
import dev.wixbridge.install.control.CallbackOutcome;
import dev.wixbridge.platform.web.HtmlPage;
import dev.wixbridge.platform.web.RetryAfter;
import dev.wixbridge.wix.WixInstaller;

/**
 * What the site owner's browser gets at the end of a callback: sent on once installed, or a
 * page in plain words with the right status.
 */
@ApplicationScoped
public class InstallPages implements CallbackOutcome.Cases<Response> {

    private static final String OPEN_AGAIN = "Please open the app again from your Wix dashboard to install it.";
    private static final String RELOAD = "Please wait a moment, then reload this page.";

    /** A duplicate callback's wait: the exchange it waits for takes about a second when Wix is well. */
    private static final Duration IN_PROGRESS_WAIT = Duration.ofSeconds(2);

    @Inject
    WixInstaller installer;

    /** Also the answer of every install URL while the configuration is incomplete (see {@link ConfigurationGate}). */
    @Override
    public Response misconfigured() {
        return new HtmlPage(Status.SERVICE_UNAVAILABLE, "The app is not ready yet",
                "This app's installation is not set up completely on our side. Its team has been told what is missing.",
                "Please try again later.").toResponse();
    }

    Response installsThroughWix() {
        return new HtmlPage(Status.NOT_FOUND, "This app installs through Wix",
                "This app no longer uses this address: Wix asks for your consent itself when you add the app.",
                "Please add or open the app from your Wix dashboard.").toResponse();
    }

    @Override
    public Response completed(String instanceId, String accessToken) {
        return Response.status(Status.FOUND).location(installer.afterInstall(instanceId, accessToken)).build();
    }

    /** A finished install link, loaded where it may not hand out a token. */
    @Override
    public Response alreadyInstalled() {
        return new HtmlPage(Status.OK, "The app is installed", "The app is installed on your site.",
                "You can close this window.").toResponse();
    }

    @Override
    public Response wixUnavailable(boolean unreadableAnswer, Optional<Duration> retryAfter) {
        HtmlPage page = new HtmlPage(unreadableAnswer ? Status.BAD_GATEWAY : Status.SERVICE_UNAVAILABLE,
                "Wix is not answering right now",
                "We could not finish installing the app because Wix did not answer in time.", RELOAD);
        return page.toResponse(retryAfter.orElse(RetryAfter.DEFAULT));
    }

    /** Also the App URL's answer while too many installs are open ({@code OpenStateLimit}). */
    @Override
    public Response tryAgainShortly(boolean inProgress) {
        HtmlPage page = inProgress
                ? new HtmlPage(Status.SERVICE_UNAVAILABLE, "Your installation is being finished",
                        "We are finishing this installation with Wix right now.", RELOAD)
                : new HtmlPage(Status.SERVICE_UNAVAILABLE, "Too many installations at once",
                        "More apps are being installed right now than we can finish at once.", RELOAD);
        return page.toResponse(inProgress ? IN_PROGRESS_WAIT : RetryAfter.DEFAULT);
    }

    @Override
    public Response refused(Refusal refusal) {
        return (switch (refusal) {
            case STATE_UNKNOWN -> new HtmlPage(Status.FORBIDDEN, "This install link is not valid",
                    "We could not match this page to an installation started from Wix.", OPEN_AGAIN);
            case STATE_EXPIRED -> new HtmlPage(Status.GONE, "This install link has expired",
                    "Installation links are valid for ten minutes, and this one is older.", OPEN_AGAIN);
            case STATE_FROM_OTHER_BROWSER -> new HtmlPage(Status.FORBIDDEN, "Please finish in the same browser",
                    "This installation was started in another browser, or your browser did not keep our cookie.",
                    "Please allow cookies for this site, then open the app again from your Wix dashboard in this browser.");
            case STATE_ALREADY_USED -> new HtmlPage(Status.FORBIDDEN, "This install link was already used",
                    "Each installation link works once, and this one has already been used.", OPEN_AGAIN);
            case INSTANCE_MISMATCH -> new HtmlPage(Status.FORBIDDEN, "This install link was changed",
                    "The address of this page does not match the site Wix gave us access to, so we stored nothing.",
                    OPEN_AGAIN);
            case CODE_REJECTED -> new HtmlPage(Status.BAD_REQUEST, "Wix did not accept this installation",
                    "Wix told us this installation request is no longer valid (it may have expired or been used).",
                    OPEN_AGAIN);
        }).toResponse();
    }
}
