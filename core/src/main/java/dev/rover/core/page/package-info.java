/**
 * The page vocabulary shared by the browser and the engines: PageSnapshot and Element (what a page
 * shows), the sealed BrowserAction (what to do), ActionResult, and RunBrowser, the interface a run
 * drives its browser through. browser implements it; llm reads and writes the vocabulary; they
 * never see each other.
 */
package dev.rover.core.page;
