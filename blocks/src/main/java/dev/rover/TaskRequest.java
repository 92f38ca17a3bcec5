package dev.rover;

import dev.rover.core.page.UrlPolicy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@code run_task} takes: a goal in plain language and optional settings, with Skyvern's
 * names and defaults. Build one with {@link #builder(String)}.
 *
 * @param prompt                             what the run should achieve (required)
 * @param url                                the page to start on; null starts from a blank page
 * @param engine                             engine name ({@code offline}, {@code llm}, {@code skyvern-2.0}, ...); null = Rover's default
 * @param waitForCompletion                  {@link Rover#runTask} returns when the run ends instead of at once
 * @param timeout                            how long to wait when {@code waitForCompletion} (default 30 minutes)
 * @param maxSteps                           cap on engine steps (default 10)
 * @param dataExtractionSchema               JSON schema (a Map, a JsonNode or JSON text) the output must match; null = no extraction
 * @param proxyLocation                      requested proxy; refused unless Rover was built with a proxy
 * @param browserSessionId                   run inside this open browser session ({@code pbs_...})
 * @param browserAddress                     connect to this Chromium over CDP instead of launching one
 * @param webhookUrl                         POSTed the run when it ends
 * @param errorCodeMapping                   {@code CODE -> when it applies}; matched codes land in the run's errors
 * @param totpIdentifier                     where pushed TOTP codes for this run arrive
 * @param totpUrl                            where to fetch TOTP codes from
 * @param title                              a display name for the run
 * @param model                              model override settings, kept on the run
 * @param userAgent                          browser User-Agent
 * @param extraHttpHeaders                   headers added to every browser request
 * @param includeActionHistoryInVerification send the action history to completion verification
 * @param maxScreenshotScrolls               scrolls for full-page screenshots
 * @param credentials                        stored credentials (vault ids or names) the task may log in with; each
 *                                           is typed only on the origins it is bound to
 */
public final class TaskRequest {
    private final String prompt;
    private final String url;
    private final String engine;
    private final boolean waitForCompletion;
    private final Duration timeout;
    private final Integer maxSteps;
    private final Object dataExtractionSchema;
    private final String proxyLocation;
    private final String browserSessionId;
    private final String browserAddress;
    private final String webhookUrl;
    private final Map<String, String> errorCodeMapping;
    private final String totpIdentifier;
    private final String totpUrl;
    private final String title;
    private final Map<String, Object> model;
    private final String userAgent;
    private final Map<String, String> extraHttpHeaders;
    private final Boolean includeActionHistoryInVerification;
    private final Integer maxScreenshotScrolls;
    private final List<String> credentials;
    private final dev.rover.core.definition.WorkflowSettings.RunWith runWith;
    private final Boolean aiFallback;
    private final boolean publishWorkflow;


    /** How long {@code waitForCompletion} waits by default, as in Skyvern. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1800);


    /** A request for this prompt with every setting at its default. */
    public static Builder builder(String prompt) {
        return new Builder(prompt);
    }

    private TaskRequest(String prompt, String url, String engine, boolean waitForCompletion, Duration timeout, Integer maxSteps, Object dataExtractionSchema, String proxyLocation, String browserSessionId, String browserAddress, String webhookUrl, Map<String, String> errorCodeMapping, String totpIdentifier, String totpUrl, String title, Map<String, Object> model, String userAgent, Map<String, String> extraHttpHeaders, Boolean includeActionHistoryInVerification, Integer maxScreenshotScrolls, List<String> credentials, dev.rover.core.definition.WorkflowSettings.RunWith runWith, Boolean aiFallback, boolean publishWorkflow) {
        Objects.requireNonNull(prompt, "prompt");
        if (prompt.isBlank()) {
            throw new IllegalArgumentException("a task needs a prompt: say what the run should achieve");
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (maxSteps != null && maxSteps < 1) {
            throw new IllegalArgumentException("max_steps must be at least 1, got " + maxSteps);
        }
        if (url != null && !url.isBlank()) {
            UrlPolicy.malformed(url).ifPresent(reason -> {
                throw new IllegalArgumentException("task url " + reason);
            });
        }
        errorCodeMapping = errorCodeMapping == null ? Map.of() : Map.copyOf(errorCodeMapping);
        extraHttpHeaders = extraHttpHeaders == null ? Map.of() : Map.copyOf(extraHttpHeaders);
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
        for (String credential : credentials) {
            if (credential.isBlank()) {
                throw new IllegalArgumentException("a task credential must be a vault id (cred_...) or name, not blank");
            }
        }
        if (new java.util.HashSet<>(credentials).size() != credentials.size()) {
            throw new IllegalArgumentException("task credentials " + credentials + " name one credential more than once");
        }
        this.prompt = prompt;
        this.url = url;
        this.engine = engine;
        this.waitForCompletion = waitForCompletion;
        this.timeout = timeout;
        this.maxSteps = maxSteps;
        this.dataExtractionSchema = dataExtractionSchema;
        this.proxyLocation = proxyLocation;
        this.browserSessionId = browserSessionId;
        this.browserAddress = browserAddress;
        this.webhookUrl = webhookUrl;
        this.errorCodeMapping = errorCodeMapping;
        this.totpIdentifier = totpIdentifier;
        this.totpUrl = totpUrl;
        this.title = title;
        this.model = model;
        this.userAgent = userAgent;
        this.extraHttpHeaders = extraHttpHeaders;
        this.includeActionHistoryInVerification = includeActionHistoryInVerification;
        this.maxScreenshotScrolls = maxScreenshotScrolls;
        this.credentials = credentials;
        this.runWith = runWith;
        this.aiFallback = aiFallback;
        this.publishWorkflow = publishWorkflow;
    }

    /** {@code CODE} replays the task's cached script when it has one; null or {@code AGENT} asks the engine every step. */
    public dev.rover.core.definition.WorkflowSettings.RunWith runWith() {
        return runWith;
    }

    /** Whether a replay that no longer matches hands over to the agent; null is the default (true). */
    public Boolean aiFallback() {
        return aiFallback;
    }

    /** Whether the task's recorded script is published as a workflow with {@code run_with: code} when it completes. */
    public boolean publishWorkflow() {
        return publishWorkflow;
    }

    public String prompt() {
        return prompt;
    }

    public String url() {
        return url;
    }

    public String engine() {
        return engine;
    }

    public boolean waitForCompletion() {
        return waitForCompletion;
    }

    public Duration timeout() {
        return timeout;
    }

    public Integer maxSteps() {
        return maxSteps;
    }

    public Object dataExtractionSchema() {
        return dataExtractionSchema;
    }

    public String proxyLocation() {
        return proxyLocation;
    }

    public String browserSessionId() {
        return browserSessionId;
    }

    public String browserAddress() {
        return browserAddress;
    }

    public String webhookUrl() {
        return webhookUrl;
    }

    public Map<String, String> errorCodeMapping() {
        return errorCodeMapping;
    }

    public String totpIdentifier() {
        return totpIdentifier;
    }

    public String totpUrl() {
        return totpUrl;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> model() {
        return model;
    }

    public String userAgent() {
        return userAgent;
    }

    public Map<String, String> extraHttpHeaders() {
        return extraHttpHeaders;
    }

    public Boolean includeActionHistoryInVerification() {
        return includeActionHistoryInVerification;
    }

    public Integer maxScreenshotScrolls() {
        return maxScreenshotScrolls;
    }

    public List<String> credentials() {
        return credentials;
    }

    @Override
    public String toString() {
        return "TaskRequest[" + "prompt=" + prompt + ", " + "url=" + url + ", " + "engine=" + engine + ", " + "waitForCompletion=" + waitForCompletion + ", " + "timeout=" + timeout + ", " + "maxSteps=" + maxSteps + ", " + "dataExtractionSchema=" + dataExtractionSchema + ", " + "proxyLocation=" + proxyLocation + ", " + "browserSessionId=" + browserSessionId + ", " + "browserAddress=" + browserAddress + ", " + "webhookUrl=" + webhookUrl + ", " + "errorCodeMapping=" + errorCodeMapping + ", " + "totpIdentifier=" + totpIdentifier + ", " + "totpUrl=" + totpUrl + ", " + "title=" + title + ", " + "model=" + model + ", " + "userAgent=" + userAgent + ", " + "extraHttpHeaders=" + extraHttpHeaders + ", " + "includeActionHistoryInVerification=" + includeActionHistoryInVerification + ", " + "maxScreenshotScrolls=" + maxScreenshotScrolls + ", " + "credentials=" + credentials + "]";
    }

    /** Builds a {@link TaskRequest}. */
    public static final class Builder {
        private final String prompt;
        private String url;
        private String engine;
        private boolean waitForCompletion;
        private Duration timeout;
        private Integer maxSteps;
        private Object dataExtractionSchema;
        private String proxyLocation;
        private String browserSessionId;
        private String browserAddress;
        private String webhookUrl;
        private Map<String, String> errorCodeMapping;
        private String totpIdentifier;
        private String totpUrl;
        private String title;
        private Map<String, Object> model;
        private String userAgent;
        private Map<String, String> extraHttpHeaders;
        private Boolean includeActionHistoryInVerification;
        private Integer maxScreenshotScrolls;
        private final List<String> credentials = new ArrayList<>();
        private dev.rover.core.definition.WorkflowSettings.RunWith runWith;
        private Boolean aiFallback;
        private boolean publishWorkflow;

        private Builder(String prompt) {
            this.prompt = prompt;
        }

        public Builder url(String v) { url = v; return this; }
        public Builder engine(String v) { engine = v; return this; }
        public Builder waitForCompletion(boolean v) { waitForCompletion = v; return this; }
        public Builder timeout(Duration v) { timeout = v; return this; }
        public Builder maxSteps(int v) { maxSteps = v; return this; }
        public Builder dataExtractionSchema(Object v) { dataExtractionSchema = v; return this; }
        public Builder proxyLocation(String v) { proxyLocation = v; return this; }
        public Builder browserSessionId(String v) { browserSessionId = v; return this; }
        public Builder browserAddress(String v) { browserAddress = v; return this; }
        public Builder webhookUrl(String v) { webhookUrl = v; return this; }
        public Builder errorCodeMapping(Map<String, String> v) { errorCodeMapping = v; return this; }
        public Builder totpIdentifier(String v) { totpIdentifier = v; return this; }
        public Builder totpUrl(String v) { totpUrl = v; return this; }
        public Builder title(String v) { title = v; return this; }
        /** Skyvern's model settings, {@code {"model_name": "..."}}: the model the task's engine calls. */
        public Builder model(Map<String, Object> v) { model = v; return this; }
        /** The model the task's engine calls (as {@code {"model_name": name}}). */
        public Builder model(String name) { model = name == null || name.isBlank() ? null : Map.of("model_name", name.trim()); return this; }
        public Builder userAgent(String v) { userAgent = v; return this; }
        public Builder extraHttpHeaders(Map<String, String> v) { extraHttpHeaders = v; return this; }
        public Builder includeActionHistoryInVerification(boolean v) { includeActionHistoryInVerification = v; return this; }
        public Builder maxScreenshotScrolls(int v) { maxScreenshotScrolls = v; return this; }
        /** {@code CODE} replays the task's cached script when one was recorded by an earlier run of the same task. */
        public Builder runWith(dev.rover.core.definition.WorkflowSettings.RunWith v) { runWith = v; return this; }
        /** Whether a replay that no longer matches the page hands the task to the agent (default true). */
        public Builder aiFallback(boolean v) { aiFallback = v; return this; }
        /** Same as {@link #aiFallback(boolean)}; null keeps the default. */
        public Builder aiFallback(Boolean v) { aiFallback = v; return this; }
        /** Publish the recorded script as a workflow with {@code run_with: code} when the task completes (Skyvern's {@code publish_workflow}). */
        public Builder publishWorkflow(boolean v) { publishWorkflow = v; return this; }

        /**
         * Stored credentials (vault ids or names) the task may log in with, as Skyvern's login task takes
         * one; the engine gets their placeholders, and each is typed only on its bound origins.
         */
        public Builder credentials(String... idsOrNames) {
            credentials.addAll(Arrays.asList(idsOrNames));
            return this;
        }

        /** Same as {@link #credentials(String...)}, from a list. */
        public Builder credentials(List<String> idsOrNames) {
            credentials.addAll(idsOrNames);
            return this;
        }

        public TaskRequest build() {
            return new TaskRequest(prompt, url, engine, waitForCompletion, timeout, maxSteps, dataExtractionSchema, proxyLocation,
                    browserSessionId, browserAddress, webhookUrl, errorCodeMapping, totpIdentifier, totpUrl, title, model,
                    userAgent, extraHttpHeaders, includeActionHistoryInVerification, maxScreenshotScrolls, credentials, runWith,
                    aiFallback, publishWorkflow);
        }
    }
}
