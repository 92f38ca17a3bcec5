package dev.rover.blocks.agent;

import dev.rover.core.exec.RunArtifacts;
import dev.rover.core.page.RunBrowser;
import dev.rover.core.exec.RunSecrets;
import dev.rover.core.run.CancellationToken;
import dev.rover.core.run.TimelineEntry;
import dev.rover.core.engine.Engine;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * What an agent loop works with: the engine that decides, the browser that acts, the run's
 * secrets, where artifacts and timeline steps go, cancellation and the run's deadline.
 *
 * @param engine       decides, extracts and verifies
 * @param browser      the run's browser
 * @param secrets      placeholder resolution and redaction
 * @param artifacts    artifact sink
 * @param steps        receives each finished step (a STEP timeline entry with its thought and actions)
 * @param cancellation the run's cancellation
 * @param deadline     when the run's elapsed-time limit expires
 * @param clock        time source
 */
public record AgentServices(Engine engine, RunBrowser browser, RunSecrets secrets, RunArtifacts artifacts,
                            Consumer<TimelineEntry> steps, CancellationToken cancellation, Instant deadline,
                            Clock clock) {
}
