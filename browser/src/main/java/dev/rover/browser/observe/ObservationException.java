package dev.rover.browser.observe;

/**
 * The page could not be observed (it navigated away mid-observation, crashed or was closed); the
 * message names the page, and retrying after the page settles usually succeeds.
 */
public final class ObservationException extends RuntimeException {

    public ObservationException(String message, Throwable cause) {
        super(message, cause);
    }
}
