/**
 * The glue every feature shares, and nothing that knows a feature or Wix's API: configuration
 * ({@code config}), persistence with transactions that join ({@code persistence}), health of the
 * database ({@code health}), metrics ({@code metrics}), secure tokens and HMAC ({@code security}),
 * and web plumbing for browsers and API callers alike ({@code web}: pages, problem documents,
 * headers, strict query parameters). Imports run from the features into here, never back.
 */
package dev.wixbridge.platform;
