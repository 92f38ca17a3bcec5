/**
 * The RunBrowser of core implemented with Playwright: PlaywrightRunBrowser, the per-run lease that
 * opens it lazily and closes it with its recording, and the redaction of that recording.
 */
package dev.rover.browser.run;
