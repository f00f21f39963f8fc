package dev.wixbridge.install.entity;

/** Why an install callback was refused. Each has its own page for the site owner. */
public enum Refusal {
    /** We never issued this state: forged, mistyped, or long purged. */
    STATE_UNKNOWN,
    /** The state is older than ten minutes. */
    STATE_EXPIRED,
    /** The state was issued to another browser (or the browser did not keep our cookie). */
    STATE_FROM_OTHER_BROWSER,
    /** The state already finished an install with another code or instance id. */
    STATE_ALREADY_USED,
    /** The instance id in the URL is not the one Wix's tokens belong to. */
    INSTANCE_MISMATCH,
    /** Wix refused the authorization code: used, expired or invalid. */
    CODE_REJECTED
}
