package dev.rover.core.definition;

import dev.rover.core.error.InvalidRequestException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A definition file could not be loaded. Carries every problem found, not just the first, so a
 * user fixes the whole file in one pass; the message lists each as {@code file:line:col: path: message}.
 */
public class DefinitionException extends InvalidRequestException {

    private final transient List<DefinitionProblem> problems;

    public DefinitionException(List<DefinitionProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file order. */
    public List<DefinitionProblem> problems() {
        return problems;
    }

    private static String describe(List<DefinitionProblem> problems) {
        if (problems.isEmpty()) {
            return "invalid workflow definition";
        }
        String head = problems.size() == 1 ? "1 problem in workflow definition:" :
                problems.size() + " problems in workflow definition:";
        return problems.stream().map(DefinitionProblem::toString)
                .collect(Collectors.joining("\n", head + "\n", ""));
    }
}
