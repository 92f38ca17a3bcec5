package dev.rover.core.exec;

import dev.rover.core.definition.Workflow;
import dev.rover.core.run.RunId;
import dev.rover.core.template.TemplateRenderer;

import dev.rover.core.run.Run;

import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * Everything the blocks of one run share: definition, options, renderers, state, timeline, stop control,
 * the resources the embedding layer opened for it, and what happens once it is stored terminal.
 */
record RunEnvironment(Workflow workflow, RunId runId, RunOptions options, BlockTypeRegistry registry,
                      TemplateRenderer templates, BlockRenderer blockRenderer, RunState state, TimelineLog timeline,
                      RunControl control, RunResources resources, UnaryOperator<Run> afterTerminal, Clock clock) {
}
