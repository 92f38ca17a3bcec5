/**
 * The offline engine: deterministic, no model. A parser turns a goal into typed instructions, a
 * matcher scores page elements, a planner turns instructions into actions and a checker reads each
 * result back from the next observation; when unsure it refuses and says why.
 */
package dev.rover.llm.offline;
