package dev.wixbridge.installation.control;

/**
 * A CDI event, fired once a change to the site's installation is committed that makes what any
 * server remembers of its tokens stale: a new grant (install, reinstall) or an uninstall.
 */
public record InstallationChanged(String instanceId) {
}
