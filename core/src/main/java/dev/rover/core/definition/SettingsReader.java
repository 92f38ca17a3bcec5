package dev.rover.core.definition;

import dev.rover.core.json.Json;
import org.yaml.snakeyaml.nodes.Node;

import java.util.EnumSet;
import java.util.Map;

/** Reads the run settings written at the top of a workflow file into {@link WorkflowSettings}. */
final class SettingsReader {

    static final int MIN_ELAPSED_MINUTES = 1;
    static final int MAX_ELAPSED_MINUTES = 480;

    private SettingsReader() {
    }

    static WorkflowSettings read(MappingView top) {
        Problems problems = top.problems();
        String proxyLocation = null;
        Node proxy = top.check("proxy_location", false, EnumSet.of(ValueKind.STRING, ValueKind.MAP));
        if (proxy != null) {
            Object value = Nodes.toValue(proxy, top.path("proxy_location"), problems);
            proxyLocation = value instanceof String s ? s : Json.compact(value);
        }
        Long maxElapsed = top.integer("max_elapsed_time_minutes", false);
        if (maxElapsed != null && (maxElapsed < MIN_ELAPSED_MINUTES || maxElapsed > MAX_ELAPSED_MINUTES)) {
            problems.add(top.positionOf("max_elapsed_time_minutes"), top.path("max_elapsed_time_minutes"),
                    "max_elapsed_time_minutes must be between " + MIN_ELAPSED_MINUTES + " and " + MAX_ELAPSED_MINUTES
                            + ", found " + maxElapsed);
            maxElapsed = null;
        }
        Long scrolls = top.integer("max_screenshot_scrolls", false);
        if (scrolls != null && (scrolls < 0 || scrolls > Integer.MAX_VALUE)) {
            problems.add(top.positionOf("max_screenshot_scrolls"), top.path("max_screenshot_scrolls"),
                    "max_screenshot_scrolls must be zero or more, found " + scrolls);
            scrolls = null;
        }
        String runWithText = top.string("run_with", false);
        WorkflowSettings.RunWith runWith = null;
        if (runWithText != null) {
            runWith = WorkflowSettings.RunWith.parse(runWithText);
            if (runWith == null) {
                problems.add(top.positionOf("run_with"), top.path("run_with"), "unknown run_with '" + runWithText
                        + "'; allowed: agent, code (legacy spellings: ai, code_v2)");
            }
        }
        String traceText = top.string("trace", false);
        dev.rover.core.page.TraceMode trace = null;
        if (traceText != null) {
            trace = dev.rover.core.page.TraceMode.parse(traceText).orElse(null);
            if (trace == null) {
                problems.add(top.positionOf("trace"), top.path("trace"), "unknown trace '" + traceText + "'; allowed: "
                        + dev.rover.core.page.TraceMode.allowed());
            }
        }
        Map<String, String> headers = top.stringMap("extra_http_headers");
        return new WorkflowSettings(
                proxyLocation,
                top.string("webhook_callback_url", false),
                top.string("totp_verification_url", false),
                top.string("totp_identifier", false),
                top.bool("persist_browser_session", false),
                top.string("browser_profile_id", false),
                headers,
                top.model("model"),
                scrolls == null ? null : scrolls.intValue(),
                maxElapsed == null ? WorkflowSettings.DEFAULT_MAX_ELAPSED_MINUTES : maxElapsed.intValue(),
                runWith,
                top.bool("ai_fallback", true),
                top.string("cache_key", false),
                top.string("status", false),
                trace);
    }
}
