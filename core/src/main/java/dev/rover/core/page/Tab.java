package dev.rover.core.page;

/** An open tab of the browser context, so an engine can ask to switch to it. */
public record Tab(int index, String url, String title, boolean active) {
}
