/**
 * The glue every feature shares: configuration, persistence, web plumbing. Nothing in here
 * knows about Wix or about installs.
 */
package dev.wixbridge.platform;
