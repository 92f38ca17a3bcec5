package dev.rover.blocks.runtime;

import dev.rover.browser.BrowserOptions;
import dev.rover.browser.session.BrowserSessions;
import dev.rover.core.definition.Workflow;
import dev.rover.core.exec.CredentialResolver;
import dev.rover.core.exec.RunResources;
import dev.rover.core.exec.RunServices;
import dev.rover.core.run.Run;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The browser sessions kept for workflows that set {@code persist_browser_session: true}: the first run
 * of such a workflow opens a persistent session ({@code pbs_...}) and runs in it; the session stays open
 * after the run (until its timeout, or {@code Rover.closeBrowserSession}) and the next run of the same
 * workflow (same source file and title) in this Rover reuses it, cookies and page included. Sessions live
 * in this process; a run of the workflow while another still holds the session is refused by the session.
 */
final class WorkflowSessions {

    /** The key of the run output that names the kept session. */
    static final String OUTPUT_KEY = "browser_session_id";

    private final Map<String, String> byWorkflow = new HashMap<>();

    /**
     * The settings a run of {@code workflow} should use: unchanged unless the workflow persists its session
     * and the caller named none, else with the workflow's kept session (opened now when there is none open).
     */
    synchronized LaunchSettings settingsFor(Workflow workflow, LaunchSettings settings, BrowserSessions sessions,
                                            BrowserOptions options) {
        if (!workflow.settings().persistBrowserSession() || settings.browserSessionId() != null
                || settings.browserAddress() != null) {
            return settings;
        }
        String key = workflow.source() + "\n" + workflow.title();
        String id = byWorkflow.get(key);
        if (id == null || sessions.get(id).isEmpty()) {
            id = sessions.create(options).id();
            byWorkflow.put(key, id);
        }
        return settings.withBrowserSession(id);
    }

    /** The run's resources, naming the kept session in the run's output when the workflow persists it. */
    static RunResources naming(Workflow workflow, LaunchSettings settings, RunResources resources) {
        if (!workflow.settings().persistBrowserSession() || settings.browserSessionId() == null) {
            return resources;
        }
        return new RunResources() {
            @Override
            public RunServices services() {
                return resources.services();
            }

            @Override
            public CredentialResolver credentials() {
                return resources.credentials();
            }

            @Override
            public Run complete(Run ending) {
                Run completed = resources.complete(ending);
                Map<Object, Object> output = new LinkedHashMap<>();
                if (completed.output() instanceof Map<?, ?> m) {
                    output.putAll(m);
                }
                output.put(OUTPUT_KEY, settings.browserSessionId());
                return completed.toBuilder().output(output).build();
            }

            @Override
            public void onCancel() {
                resources.onCancel();
            }

            @Override
            public void close() {
                resources.close();
            }
        };
    }
}
