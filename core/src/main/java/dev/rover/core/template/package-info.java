/**
 * Jinja2 templating with Skyvern's semantics (Jinjava): block fields rendered with the run's
 * values, no nested interpretation, so text from pages or parameters stays data.
 */
package dev.rover.core.template;
