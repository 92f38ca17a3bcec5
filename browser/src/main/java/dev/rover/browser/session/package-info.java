/**
 * Persistent browser sessions (pbs_ ids) shared by consecutive runs, and saved browser profiles.
 */
package dev.rover.browser.session;
