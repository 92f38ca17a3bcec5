/**
 * Observing a page: the in-page observer script, the PageSnapshot it produces, the compact prompt
 * rendering of it, and screenshots with secret fields and echoed secrets covered.
 */
package dev.rover.browser.observe;
