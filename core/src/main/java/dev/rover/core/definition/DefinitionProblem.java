package dev.rover.core.definition;

import dev.rover.core.text.PrintableText;

import java.util.Objects;

/**
 * One thing wrong with a definition file, precise enough to fix without guessing: where it is,
 * which field (for example {@code workflow_definition.blocks[2].wait_sec}) and what is allowed.
 * Control and bidirectional characters in the path and message are shown escaped ({@link PrintableText}),
 * as they may come from labels, keys and values quoted from the file.
 *
 * @param position where the offending value (or the map missing a field) starts
 * @param path     the field path from the top of the document
 * @param message  what is wrong and what would be accepted
 */
public record DefinitionProblem(SourcePosition position, String path, String message) {

    public DefinitionProblem {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        path = PrintableText.of(path);       // labels, keys and values quoted from the file may hold
        message = PrintableText.of(message); // terminal escapes or right-to-left overrides
    }

    /** The problem as a compiler-style line: {@code file:line:col: path: message}. */
    @Override
    public String toString() {
        return position + ": " + path + ": " + message;
    }
}
