/**
 * MicroProfile Health checks of the platform: liveness, the schema migrated, the database
 * reachable, the web module serving. The Wix settings and credentials have their checks in
 * {@code dev.wixbridge.wix}.
 */
package dev.wixbridge.platform.health;
