/**
 * Performing BrowserActions on a page: locating targets, typing (secrets in one fill, only on
 * origins their credential allows, via SecretGuard), clicking, selecting, uploads and downloads.
 */
package dev.rover.browser.action;
