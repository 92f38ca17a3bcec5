package dev.rover.llm.parse;

import java.util.List;

/**
 * A model answer that cannot be used, with every problem found, so the corrective re-ask can say
 * exactly what to fix.
 */
public class InvalidAnswerException extends RuntimeException {

    private final List<String> problems;

    public InvalidAnswerException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidAnswerException(String problem) {
        this(List.of(problem));
    }

    /** What is wrong, one entry per problem. */
    public List<String> problems() {
        return problems;
    }
}
