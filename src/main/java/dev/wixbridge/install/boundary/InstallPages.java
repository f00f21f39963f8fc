package dev.wixbridge.install.boundary;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import dev.wixbridge.install.control.CallbackOutcome;
import dev.wixbridge.install.control.Refusal;
import dev.wixbridge.platform.web.HtmlPage;
import dev.wixbridge.wix.WixOutage;

/** The pages a site owner may see instead of being sent on: plain words, the right status. */
@ApplicationScoped
public class InstallPages {

    private static final String OPEN_AGAIN = "Please open the app again from your Wix dashboard to install it.";
    private static final String RELOAD = "Please wait a moment, then reload this page.";

    Response misconfigured() {
        return new HtmlPage(Status.SERVICE_UNAVAILABLE, "The app is not ready yet",
                "This app's installation is not set up completely on our side. Its team has been told what is missing.",
                "Please try again later.").toResponse();
    }

    Response failed(CallbackOutcome outcome) {
        if (outcome instanceof CallbackOutcome.Refused refused) {
            return refused(refused.refusal()).toResponse();
        }
        if (outcome instanceof CallbackOutcome.WixUnavailable unavailable) {
            WixOutage outage = unavailable.outage();
            Status status = outage.kind() == WixOutage.Kind.MALFORMED ? Status.BAD_GATEWAY : Status.SERVICE_UNAVAILABLE;
            HtmlPage page = new HtmlPage(status, "Wix is not answering right now",
                    "We could not finish installing the app because Wix did not answer in time.", RELOAD);
            return page.toResponse(outage.retryAfter().orElse(Duration.ofSeconds(5)));
        }
        return misconfigured();
    }

    private static HtmlPage refused(Refusal refusal) {
        return switch (refusal) {
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
        };
    }
}
