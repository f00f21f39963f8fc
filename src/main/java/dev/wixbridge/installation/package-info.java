/**
 * What we know about each Wix site that installed the app: status, sealed tokens, times.
 * {@code control/Installations} owns the rows (find, lock, store a grant, uninstall, page by the
 * one opaque cursor) and announces changes as {@code InstallationChanged}; {@code boundary} is
 * the API's list, read and uninstall of installations.
 */
package dev.wixbridge.installation;
