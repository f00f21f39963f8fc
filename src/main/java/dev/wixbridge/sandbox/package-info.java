/**
 * A local stand-in for Wix (consent page, token endpoint, App Management API) so a newcomer
 * sees the real install flow work without a Wix account. Active only when
 * {@code wix.sandbox.enabled=true} and no real Wix setting is configured; every sandbox URL
 * answers 404 otherwise, and every sandbox page says it is a sandbox.
 */
package dev.wixbridge.sandbox;
