package dev.rover.browser.session;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A saved browser profile: the cookies, localStorage and IndexedDB of a logged-in browser, so later
 * runs start logged in.
 *
 * @param name    the profile name
 * @param file    the Playwright storage-state file
 * @param savedAt when it was last saved
 */
public record BrowserProfile(String name, Path file, Instant savedAt) {
}
