package dev.wixbridge.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import dev.wixbridge.platform.web.Html;

/**
 * A moment as an admin reads it at a glance ("3 min ago", "in 4 min"), with the exact UTC time
 * on hover and in the markup ({@code <time datetime>}); no scripts, so "now" is the server's.
 */
final class RelativeTime {

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private RelativeTime() {
    }

    /** The {@code <time>} element, or nothing for an unknown moment. */
    static String html(Instant moment, Instant now) {
        if (moment == null) {
            return "";
        }
        Instant exact = moment.truncatedTo(ChronoUnit.SECONDS);
        return "<time datetime=\"" + DateTimeFormatter.ISO_INSTANT.format(exact) + "\" title=\"" + EXACT.format(exact) + "\">"
                + Html.escape(words(moment, now)) + "</time>";
    }

    static String words(Instant moment, Instant now) {
        Duration between = Duration.between(moment, now);
        boolean past = !between.isNegative();
        long seconds = between.abs().getSeconds();
        if (seconds < 10) {
            return past ? "just now" : "in a moment";
        }
        String amount;
        if (seconds < 60) {
            amount = seconds + " s";
        } else if (seconds < 90 * 60) {
            amount = seconds / 60 + " min";
        } else if (seconds < 48 * 3600) {
            amount = seconds / 3600 + " h";
        } else {
            amount = seconds / 86_400 + " days";
        }
        return past ? amount + " ago" : "in " + amount;
    }
}
