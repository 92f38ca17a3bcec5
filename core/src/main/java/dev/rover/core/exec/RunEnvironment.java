package dev.rover.core.exec;

import dev.rover.core.definition.Workflow;
import dev.rover.core.run.RunId;
import dev.rover.core.template.BlockRenderer;
import dev.rover.core.template.TemplateRenderer;

import java.time.Clock;

/** Everything the blocks of one run share: definition, options, renderers, state, timeline, stop control. */
record RunEnvironment(Workflow workflow, RunId runId, RunOptions options, BlockTypeRegistry registry,
                      TemplateRenderer templates, BlockRenderer blockRenderer, RunState state, TimelineLog timeline,
                      RunControl control, Clock clock) {
}
