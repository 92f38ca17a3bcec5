/**
 * Everything that knows Playwright: Chromium discovery and launch (LiveBrowser, one owning thread
 * per browser), options, tracing. Nothing outside this module imports com.microsoft.playwright.
 */
package dev.rover.browser;
