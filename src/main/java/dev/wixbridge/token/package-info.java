/**
 * Access tokens for other code: a valid token per site on demand, one refresh at a time per
 * site (also across servers), tokens sealed at rest, and the protected API that hands them out.
 */
package dev.wixbridge.token;
