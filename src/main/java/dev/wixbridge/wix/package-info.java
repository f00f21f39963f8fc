/**
 * The single door to Wix: the only package that knows Wix's URLs, JSON and error shapes. REST
 * clients ({@code WixOAuthApi}, {@code WixAppsApi}) whose every failure is read once
 * ({@code WixErrorMapper}, {@code WixFailure}); implementations of the ports the features own
 * ({@code RefreshTokenSource} for {@code token.control.TokenSource}, {@code WixCodeExchange} for
 * {@code install.control.CodeExchange}, {@code WixSiteApi} for {@code token.control.SiteCalls}),
 * answering in the features' types; the Wix app's settings and their checks.
 */
package dev.wixbridge.wix;
