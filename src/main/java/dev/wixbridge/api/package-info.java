/**
 * What every resource of the protected JSON API ({@code /api}) shares: API-key authentication
 * (a servlet filter, {@link dev.wixbridge.api.ApiKeyAuthentication}, and a role check on every resource), the problem types
 * ({@link dev.wixbridge.api.Problems}) and the instance-id parameter. The resources themselves
 * live in their features' {@code boundary} packages.
 */
package dev.wixbridge.api;
