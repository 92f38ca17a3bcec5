package dev.rover.llm.offline;

import dev.rover.core.page.BrowserAction;

import java.util.List;

/** What one instruction means on the current page: actions, a first part, nothing left to do, a missing or ambiguous target, or a dead end. */
sealed interface Resolution {

    /** Actions to perform; {@code navigates} when the page is likely to change afterwards. */
    record Act(List<BrowserAction> actions, boolean navigates, String note) implements Resolution {
        public Act {
            actions = List.copyOf(actions);
        }
    }

    /**
     * A first part of an instruction that needs another look at the page before it is done (typing
     * the start of an autocomplete value, then picking the suggestion).
     */
    record Prepare(List<BrowserAction> actions, String note) implements Resolution {
        public Prepare {
            actions = List.copyOf(actions);
        }
    }

    /** Several elements match the target equally well; {@code candidates} name them. */
    record Ambiguous(String target, List<String> candidates) implements Resolution {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    /** Nothing to do on this page: the instruction is already satisfied. */
    record Done(String note) implements Resolution {
    }

    /** The instruction's target is not on the page; {@code closest} are labels that are. */
    record Missing(String label, List<String> closest) implements Resolution {
        public Missing {
            closest = List.copyOf(closest);
        }
    }

    /** The goal cannot be reached; {@code errorCodes} are the user's codes that apply. */
    record Fail(String reason, List<String> errorCodes) implements Resolution {
        public Fail {
            errorCodes = List.copyOf(errorCodes);
        }
    }
}
