/**
 * Workflow definitions as immutable values (Workflow, BlockDefinition, Parameter, WorkflowSettings)
 * and the loader that reads Skyvern's YAML/JSON format into them, every problem with its file,
 * line, column and field path. Nothing here runs a workflow; it depends on no other package of core
 * but json.
 */
package dev.rover.core.definition;
