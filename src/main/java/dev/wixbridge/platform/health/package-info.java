/**
 * MicroProfile Health checks of the platform: liveness, the schema migrated, the database
 * reachable. The Wix settings and credentials have their checks in {@code dev.wixbridge.wix}.
 */
package dev.wixbridge.platform.health;
