package dev.rover.blocks.runtime;

import java.time.Duration;
import java.util.Map;

/**
 * The per-run settings a task request or workflow run options come down to.
 *
 * @param engine                default engine name, or null for Rover's default
 * @param model                 the model blocks use unless they name one (task {@code model}), or null for the workflow's
 * @param webhookUrl            webhook override, or null
 * @param browserSessionId      persistent session to use, or null
 * @param browserAddress        CDP address to connect to, or null
 * @param maxStepsPerBlock      step budget override, or null
 * @param elapsedTimeLimit      elapsed-time override, or null
 * @param extraHttpHeaders      headers for every browser request
 * @param userAgent             User-Agent, or null
 * @param historyInVerification action history in verification
 * @param maxScreenshotScrolls  scrolls for full-page screenshots, or null for the workflow's / default
 * @param proxyLocation         requested proxy location, or null
 * @param totpIdentifier        where pushed one-time codes for this run arrive, or null
 * @param totpUrl               where to fetch one-time codes, or null
 * @param runWith               {@code agent} or {@code code} for this run, or null for the workflow's {@code run_with}
 * @param aiFallback            whether a replay that no longer matches hands over to the agent, or null for the workflow's
 * @param publishWorkflow       save a completed task's script as a workflow with {@code run_with: code}
 */
public record LaunchSettings(String engine, String model, String webhookUrl, String browserSessionId, String browserAddress,
                             Integer maxStepsPerBlock, Duration elapsedTimeLimit, Map<String, String> extraHttpHeaders,
                             String userAgent, boolean historyInVerification, Integer maxScreenshotScrolls,
                             String proxyLocation, String totpIdentifier, String totpUrl,
                             dev.rover.core.definition.WorkflowSettings.RunWith runWith, Boolean aiFallback,
                             boolean publishWorkflow) {
    public LaunchSettings {
        extraHttpHeaders = extraHttpHeaders == null ? Map.of() : Map.copyOf(extraHttpHeaders);
    }

    /** These settings on a persistent browser session. */
    LaunchSettings withBrowserSession(String sessionId) {
        return new LaunchSettings(engine, model, webhookUrl, sessionId, browserAddress, maxStepsPerBlock, elapsedTimeLimit,
                extraHttpHeaders, userAgent, historyInVerification, maxScreenshotScrolls, proxyLocation, totpIdentifier, totpUrl,
                runWith, aiFallback, publishWorkflow);
    }
}
