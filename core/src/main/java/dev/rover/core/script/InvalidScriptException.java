package dev.rover.core.script;

import dev.rover.core.error.InvalidRequestException;

import java.util.List;

/**
 * A script document that cannot be read back: a syntax error, or fields that are missing, of the wrong kind or
 * out of range. Each problem names the field by its path ({@code actions[2].type: ...}) so an edited script can
 * be fixed without guessing; the command line answers it with exit code 2.
 */
public final class InvalidScriptException extends InvalidRequestException {

    private final transient List<String> problems;

    InvalidScriptException(String source, List<String> problems) {
        super(message(source, problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, each starting with the path of the field. */
    public List<String> problems() {
        return problems;
    }

    private static String message(String source, List<String> problems) {
        String where = source == null || source.isBlank() ? "script" : source;
        if (problems.size() == 1) {
            return where + ": " + problems.get(0);
        }
        StringBuilder out = new StringBuilder(where).append(" has ").append(problems.size()).append(" problems:");
        for (String problem : problems) {
            out.append("\n  ").append(problem);
        }
        return out.toString();
    }
}
