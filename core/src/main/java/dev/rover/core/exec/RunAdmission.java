package dev.rover.core.exec;

import dev.rover.core.definition.Workflow;
import dev.rover.core.engine.UsageMeter;
import dev.rover.core.run.CancellationToken;
import dev.rover.core.run.RunId;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What the coordinator tells the embedding layer about a run it is admitting, so the run's resources
 * share the run's one cancellation token and one deadline instead of keeping their own.
 *
 * @param runId        the run
 * @param workflow     what it runs
 * @param cancellation the run's cancellation token (cancel and time-out both wake it)
 * @param deadline     when the run's time limit expires (moves once, when the run starts)
 * @param clock        the run's clock
 * @param meter        the run's one usage meter: engines record every model call on it, the run's usage is
 *                     what it counted, and it enforces the run's budget
 */
public record RunAdmission(RunId runId, Workflow workflow, CancellationToken cancellation, Supplier<Instant> deadline,
                           Clock clock, UsageMeter meter) {
}
