/**
 * Access tokens for other code. {@code control}: {@code AccessTokens} (memory and single flight),
 * {@code TokenRefresh} (the row lock, the {@code TokenSource}, storing before handing out),
 * {@code TokenCipher}/{@code TokenKeys} (sealed at rest, key rotation), {@code SiteCalls} (a call
 * to Wix with the site's token, replaced once on a 401). {@code boundary}: the API's access-token,
 * site-call and key-rotation endpoints.
 */
package dev.wixbridge.token;
