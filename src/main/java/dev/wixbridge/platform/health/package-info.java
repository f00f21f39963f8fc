/** MicroProfile Health checks: liveness of the application, readiness of its configuration, database and Wix credentials. */
package dev.wixbridge.platform.health;
