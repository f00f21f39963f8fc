/**
 * The site owner's install handshake. {@code boundary}: the App URL ({@code /install}) sends the
 * browser to Wix's consent page with a state; the Redirect URL ({@code /oauth/callback}) hands
 * the callback on and renders its outcome. {@code control}: {@code InstallStates} issues, holds
 * and checks the state; {@code InstallCompletion} verifies, exchanges the code, confirms the
 * site with Wix and stores the installation. {@code entity}: the state and why it was refused.
 */
package dev.wixbridge.install;
