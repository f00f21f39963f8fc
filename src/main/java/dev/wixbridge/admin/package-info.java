/**
 * The admin page: installations at a glance, with status, times and last failure, a status
 * filter, and a re-check of one site. Behind a login form backed by the API keys.
 */
package dev.wixbridge.admin;
