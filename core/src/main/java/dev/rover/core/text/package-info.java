/**
 * Text that reaches a person: PrintableText shows control characters (ANSI escapes, right-to-left
 * overrides) from labels, ids and file names escaped, so no message can repaint or reorder a terminal.
 */
package dev.rover.core.text;
