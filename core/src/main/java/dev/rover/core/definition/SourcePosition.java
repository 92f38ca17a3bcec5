package dev.rover.core.definition;

/** A place in a definition file, printed as {@code file:line:column} (1-based). */
public record SourcePosition(String file, int line, int column) {

    /** Used where a value was built in code rather than read from a file. */
    public static final SourcePosition UNKNOWN = new SourcePosition("<code>", 0, 0);

    @Override
    public String toString() {
        return line <= 0 ? file : file + ":" + line + ":" + column;
    }
}
