package dev.rover.core.engine;

/** Where a decision leaves the goal. */
public enum GoalState {
    /** Actions to perform; the goal is not reached yet. */
    CONTINUE,
    /** The goal is reached (Skyvern's {@code complete} action / {@code user_goal_achieved}). */
    COMPLETE,
    /** The goal cannot be reached (Skyvern's {@code terminate} action). */
    TERMINATE
}
