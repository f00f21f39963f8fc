/**
 * The single door to Wix: the only package that knows Wix's URLs, JSON and error shapes.
 * Everything it returns is in the product's own types ({@link dev.wixbridge.wix.TokenExchange},
 * {@link dev.wixbridge.wix.InstanceLookup}), so callers never parse a status code.
 */
package dev.wixbridge.wix;
