package dev.rover.blocks.run;

import dev.rover.core.page.RunBrowser;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Everything Rover's block types need beyond the {@link dev.rover.core.exec.BlockContext}: the
 * engines, the run's browser (started on first use, so a workflow of waits never starts Chromium),
 * its secrets and its artifact sink. The facade registers one per run as a context service.
 *
 * @param engines             engine choice per block
 * @param browser             the run's browser, created on first call and shared by every block
 * @param secrets             placeholder resolution and redaction
 * @param artifacts           where artifacts go
 * @param clock               time source
 * @param maxStepsOverride    a run-wide step budget per block (task {@code max_steps}), or null
 * @param maxScreenshotScrolls scrolls for full-page screenshots
 * @param historyInVerification send action history to verification
 * @param systemPrompt        {@code workflow_system_prompt}, or null
 */
public record BlockRuntime(EngineSelector engines, Supplier<RunBrowser> browser, RunSecrets secrets, RunArtifacts artifacts,
                           Clock clock, Integer maxStepsOverride, int maxScreenshotScrolls, boolean historyInVerification,
                           String systemPrompt) {
}
