/** What we know about each Wix site that installed the app: status, tokens, times. */
package dev.wixbridge.installation;
