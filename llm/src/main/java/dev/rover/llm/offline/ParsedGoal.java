package dev.rover.llm.offline;

import java.util.List;

/**
 * A goal read by the offline engine: the instructions in order, the Skyvern-style COMPLETE and
 * TERMINATE criteria (kept for verification, never performed), and the clauses nobody understood.
 */
record ParsedGoal(List<Instruction> instructions, List<String> completeCriteria, List<String> terminateCriteria,
                  List<String> unknownClauses) {

    ParsedGoal {
        instructions = List.copyOf(instructions);
        completeCriteria = List.copyOf(completeCriteria);
        terminateCriteria = List.copyOf(terminateCriteria);
        unknownClauses = List.copyOf(unknownClauses);
    }

    /** True when the goal asks to log in. */
    boolean hasLogin() {
        return instructions.stream().anyMatch(i -> i instanceof Instruction.Login);
    }
}
