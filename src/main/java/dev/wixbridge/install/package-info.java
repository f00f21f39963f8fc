/**
 * The site owner's install handshake: the App URL sends the browser to Wix's consent page
 * with a state we can verify; the Redirect URL checks that state, trades the code for tokens
 * and stores the installation.
 */
package dev.wixbridge.install;
