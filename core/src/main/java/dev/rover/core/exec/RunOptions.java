package dev.rover.core.exec;

import dev.rover.core.engine.RunBudget;
import dev.rover.core.template.TemplateMode;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run one workflow: the parameter values, where the run's resources come from (browser, engines,
 * secrets), the templating mode, the version 2 step budget, an elapsed-time override and the webhook url.
 *
 * @param parameters          values by parameter key, converted to the declared types when the run starts
 * @param resources           opens the run's resources (what blocks reach through {@link BlockContext#services()})
 * @param budget              the run's token and cost budget
 * @param templateMode        lax (default) or strict templating
 * @param stepBudget          most block executions of a version 2 run before it is failed as a cycle
 * @param elapsedTimeOverride replaces {@code max_elapsed_time_minutes} when not null (tests, previews)
 * @param webhookUrl          stored on the run for whoever delivers webhooks; null uses the workflow's
 * @param continuation        a paused run this run continues (adopting its id, outputs and timeline), or null for a new run
 */
public record RunOptions(Map<String, Object> parameters, RunResources.Factory resources, RunBudget budget,
                         TemplateMode templateMode,
                         int stepBudget, Duration elapsedTimeOverride, String webhookUrl, RunContinuation continuation) {

    /** Skyvern-like default: at most 1000 block executions in a version 2 run. */
    public static final int DEFAULT_STEP_BUDGET = 1000;

    public RunOptions {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        resources = resources == null ? RunResources.Factory.NONE : resources;
        budget = budget == null ? RunBudget.UNLIMITED : budget;
        templateMode = templateMode == null ? TemplateMode.LAX : templateMode;
        if (stepBudget < 1) {
            throw new IllegalArgumentException("stepBudget must be at least 1, not " + stepBudget);
        }
        if (elapsedTimeOverride != null && (elapsedTimeOverride.isNegative() || elapsedTimeOverride.isZero())) {
            throw new IllegalArgumentException("elapsedTimeOverride must be positive, not " + elapsedTimeOverride);
        }
    }

    /** No parameters, no resources, lax templating, default budget and time limit. */
    public static RunOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        // parameter values may be secrets: name the keys only
        return "RunOptions[parameters=" + parameters.keySet() + ", templateMode=" + templateMode + ", stepBudget=" + stepBudget
                + ", elapsedTimeOverride=" + elapsedTimeOverride + ", webhookUrl=" + (webhookUrl != null) + "]";
    }

    /** Builds {@link RunOptions}. */
    public static final class Builder {
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private RunResources.Factory resources = RunResources.Factory.NONE;
        private RunBudget budget = RunBudget.UNLIMITED;
        private TemplateMode templateMode = TemplateMode.LAX;
        private int stepBudget = DEFAULT_STEP_BUDGET;
        private Duration elapsedTimeOverride;
        private String webhookUrl;
        private RunContinuation continuation;

        private Builder() {
        }

        public Builder parameter(String key, Object value) {
            parameters.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        public Builder parameters(Map<String, ?> values) {
            parameters.putAll(values);
            return this;
        }

        /** The run's token and cost budget, enforced by its usage meter. Default: unlimited. */
        public Builder budget(RunBudget value) {
            budget = Objects.requireNonNull(value, "budget");
            return this;
        }

        /** Where each run gets its browser, engines, secrets and completion from. */
        public Builder resources(RunResources.Factory factory) {
            resources = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** Fixed resources: these services and credential resolver, nothing to complete or release. */
        public Builder resources(RunServices services, CredentialResolver credentials) {
            return resources(admission -> RunResources.of(services, credentials));
        }

        public Builder templateMode(TemplateMode mode) {
            templateMode = mode;
            return this;
        }

        public Builder stepBudget(int budget) {
            stepBudget = budget;
            return this;
        }

        public Builder elapsedTimeOverride(Duration limit) {
            elapsedTimeOverride = limit;
            return this;
        }

        public Builder webhookUrl(String url) {
            webhookUrl = url;
            return this;
        }

        /** Continues this paused run from the block after the one it paused in, instead of starting a new run. */
        public Builder continuation(RunContinuation value) {
            continuation = value;
            return this;
        }

        public RunOptions build() {
            return new RunOptions(parameters, resources, budget, templateMode, stepBudget, elapsedTimeOverride, webhookUrl,
                    continuation);
        }
    }
}
