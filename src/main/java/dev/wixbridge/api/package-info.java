/**
 * The protected JSON API for the team's other software: installations, access tokens, and
 * calls to Wix on a site's behalf. Callers authenticate with an API key (Jakarta Security);
 * errors are {@code application/problem+json}.
 */
package dev.wixbridge.api;
