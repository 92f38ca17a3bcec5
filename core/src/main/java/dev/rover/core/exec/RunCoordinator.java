package dev.rover.core.exec;

import dev.rover.core.definition.Workflow;
import dev.rover.core.engine.UsageMeter;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.RunType;
import dev.rover.core.run.WebhookAttempt;
import dev.rover.core.webhook.WebhookSender;
import dev.rover.core.store.RunStore;
import dev.rover.core.template.TemplateRenderer;
import dev.rover.core.template.TemplateValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one owner of every run from request to final record: it admits a run (opening its resources,
 * binding its parameters), keeps the one registry of active runs, gives each run one cancellation token
 * and one deadline, walks its blocks, completes its record before storing it terminal, then sends its
 * webhook and releases its resources. Runs go in the background ({@link #start}) or on the caller's
 * thread ({@link #run}); it owns its threads, and {@link #close()} cancels what is running and waits
 * for those runs to be recorded.
 *
 * <p>Order at the end of a run, which keeps a crash safe: output redacted, report written and recording
 * closed ({@link RunResources#complete}), then the terminal status stored, then the webhook. A process
 * that dies before the terminal status is stored leaves an active run that recovery marks interrupted.
 *
 * <p>Semantics worth knowing: {@code continue_on_failure} makes a failed, terminated or timed-out block
 * non-fatal, never a canceled one; the {@code finally_block_label} block runs last after success and
 * after failure or termination, but not after a cancel or a time-out, and its own failure never hides
 * the original one; a time-out ends the run {@code timed_out}, not {@code canceled}.
 */
public final class RunCoordinator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunCoordinator.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(30);

    private final RunStore store;
    private final BlockTypeRegistry registry;
    private final Clock clock;
    private final ExecutorService workers;
    private final ScheduledExecutorService watchdog;
    private final WebhookSender webhooks;
    private final Map<RunId, RunExecution> active = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private RunCoordinator(Builder b) {
        this.store = b.store;
        this.registry = b.registry != null ? b.registry : BlockTypeRegistry.fromServiceLoader();
        this.clock = b.clock;
        this.webhooks = b.webhooks;
        this.workers = Executors.newFixedThreadPool(b.maxConcurrentRuns, threads("rover-run-"));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, threads("rover-run-watchdog-"));
        timer.setRemoveOnCancelPolicy(true);
        this.watchdog = timer;
    }

    /** A builder storing runs in this store; block types come from {@link java.util.ServiceLoader} unless given. */
    public static Builder builder(RunStore store) {
        return new Builder(store);
    }

    /** The block types this executor runs. */
    public BlockTypeRegistry blockTypes() {
        return registry;
    }

    /** Starts a workflow run with a new {@code wr_} id in the background. */
    public RunHandle start(Workflow workflow, RunOptions options) {
        return start(workflow, RunId.next(RunType.WORKFLOW), options);
    }

    /**
     * Starts a workflow run in the background: the run is saved {@code queued} before this returns.
     *
     * @throws IllegalArgumentException when the parameters do not fit the workflow (nothing is saved then)
     */
    public RunHandle start(Workflow workflow, RunId runId, RunOptions options) {
        RunExecution execution = prepare(workflow, runId, options);
        try {
            workers.execute(execution::execute);
        } catch (RejectedExecutionException e) {
            execution.reject("the executor was closed before the run could start");
        }
        return new RunHandle(runId, execution.result(), execution::cancel, execution::current);
    }

    /** Runs a workflow with a new {@code wr_} id on the calling thread and returns the terminal run. */
    public Run run(Workflow workflow, RunOptions options) {
        return run(workflow, RunId.next(RunType.WORKFLOW), options);
    }

    /**
     * Runs a workflow on the calling thread; {@link #cancel(RunId)} from another thread stops it.
     *
     * @throws IllegalArgumentException when the parameters do not fit the workflow (nothing is saved then)
     */
    public Run run(Workflow workflow, RunId runId, RunOptions options) {
        RunExecution execution = prepare(workflow, runId, options);
        execution.execute();
        return execution.result().join();
    }

    /**
     * Cancels a run this executor is running or has queued.
     *
     * @return false when no such run is active here
     */
    public boolean cancel(RunId runId) {
        RunExecution execution = active.get(runId);
        if (execution == null) {
            return false;
        }
        execution.cancel();
        return true;
    }

    /** The runs this coordinator is running or has queued, or whose webhook it is still sending. */
    public java.util.Set<RunId> activeRuns() {
        return java.util.Set.copyOf(active.keySet());
    }

    /** True once {@link #close()} was called: no new run is admitted. */
    public boolean isClosed() {
        return closed;
    }

    /** True while this coordinator owns the run: queued, running, being recorded, or sending its webhook. */
    public boolean isActive(RunId runId) {
        return active.containsKey(runId);
    }

    /**
     * Sends the run's webhook (again) and records the attempts on it; the run must be terminal.
     *
     * @throws IllegalArgumentException when the run has no webhook url
     * @throws IllegalStateException    when this coordinator sends no webhooks
     */
    public Run deliverWebhook(Run run) {
        if (run.webhookUrl() == null || run.webhookUrl().isBlank()) {
            throw new IllegalArgumentException("run " + run.runId() + " has no webhook url to send to");
        }
        if (webhooks == null) {
            throw new IllegalStateException("this coordinator was built without a webhook sender");
        }
        List<WebhookAttempt> attempts = new ArrayList<>(run.webhookAttempts());
        int before = attempts.size();
        for (WebhookAttempt a : webhooks.send(run.webhookUrl(), run)) {
            attempts.add(new WebhookAttempt(before + a.attempt(), a.at(), a.httpStatus(), a.error()));
        }
        Run updated = run.toBuilder().webhookAttempts(attempts).build();
        store.save(updated);
        return updated;
    }

    /** The webhook of a run that just became terminal, when it has a url and this coordinator sends webhooks. */
    private Run afterTerminal(Run run) {
        if (webhooks == null || run.webhookUrl() == null || run.webhookUrl().isBlank()) {
            return run;
        }
        return deliverWebhook(run);
    }

    private RunExecution prepare(Workflow workflow, RunId runId, RunOptions options) {
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(options, "options");
        if (closed) {
            throw new IllegalStateException("this RunCoordinator is closed; create a new one to run '" + workflow.title() + "'");
        }
        RunControl control = new RunControl(clock, limit(workflow, options));
        UsageMeter meter = new UsageMeter(options.budget());
        if (options.continuation() != null) {
            dev.rover.core.run.RunUsage used = options.continuation().run().usage();
            meter.carryOver(new dev.rover.core.engine.Usage(used.llmCalls(), used.inputTokens(), used.outputTokens(),
                    used.cost() == null ? java.math.BigDecimal.ZERO : used.cost()));
        }
        RunResources resources = options.resources().open(
                new RunAdmission(runId, workflow, control.token(), control::deadline, clock, meter));
        RunState state;
        Map<String, Object> parameters;
        try {
            parameters = ParameterBinder.bind(workflow, options.parameters(), resources.credentials());
            String webhook = options.webhookUrl() != null ? options.webhookUrl() : workflow.settings().webhookCallbackUrl();
            RunContinuation continuation = options.continuation();
            if (continuation != null) {
                continuation.pausedBlock(workflow);
            }
            state = new RunState(store, clock, continuation != null ? continuation.run()
                    : Run.created(runId, workflow.title(), parameters, webhook, workflow.source(), clock.instant()),
                    resources::complete, meter);
            if (continuation != null) {
                state.restoreOutputs(continuation.outputs()); // it stays paused until a worker takes it on
            } else {
                state.moveTo(RunStatus.QUEUED);
            }
        } catch (RuntimeException e) {
            resources.close();
            throw e;
        }
        TemplateRenderer templates = TemplateRenderer.of(options.templateMode());
        RunEnvironment env = new RunEnvironment(workflow, runId, options, registry, templates,
                new BlockRenderer(templates), state, new TimelineLog(store, runId, clock),
                control, resources, this::afterTerminal, clock);
        Map<String, Object> initial = new LinkedHashMap<>(parameters);
        if (options.continuation() != null) {
            env.timeline().restore(options.continuation().timeline());
            initial.putAll(options.continuation().outputs());
        }
        initial.putAll(TemplateValues.run(runId.value(), workflow.title(), LocalDate.now(clock)));
        RunExecution execution = new RunExecution(env, initial, watchdog);
        active.put(runId, execution);
        execution.result().whenComplete((run, error) -> active.remove(runId));
        return execution;
    }

    private static Duration limit(Workflow workflow, RunOptions options) {
        return options.elapsedTimeOverride() != null ? options.elapsedTimeOverride() : workflow.settings().maxElapsedTime();
    }

    /** Cancels every active run and waits for the run threads to end. */
    @Override
    public void close() {
        closed = true;
        active.values().forEach(RunExecution::cancel);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("runs did not stop within {} after cancel; interrupting them", CLOSE_GRACE);
                workers.shutdownNow();
                if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.error("run threads still alive after interrupting them: {}", active.keySet());
                }
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            watchdog.shutdownNow();
            awaitWatchdog();
        }
    }

    private void awaitWatchdog() {
        try {
            if (!watchdog.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.error("the run watchdog thread did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Configures a {@link RunCoordinator}. */
    public static final class Builder {
        private final RunStore store;
        private BlockTypeRegistry registry;
        private Clock clock = Clock.systemUTC();
        private int maxConcurrentRuns = 4;
        private WebhookSender webhooks;

        private Builder(RunStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /** Exactly these block types instead of the ones {@link java.util.ServiceLoader} finds. */
        public Builder blockTypes(Collection<? extends BlockType> types) {
            registry = BlockTypeRegistry.of(types);
            return this;
        }

        public Builder blockTypes(BlockTypeRegistry types) {
            registry = Objects.requireNonNull(types, "types");
            return this;
        }

        /** The clock for timestamps, {@code current_date} and deadlines. */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Sends each run's webhook once the run is stored terminal; without one no webhook is sent. */
        public Builder webhooks(WebhookSender sender) {
            webhooks = sender;
            return this;
        }

        /** How many background runs go at once; later ones wait {@code queued}. Default 4. */
        public Builder maxConcurrentRuns(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxConcurrentRuns must be at least 1, not " + value);
            }
            maxConcurrentRuns = value;
            return this;
        }

        public RunCoordinator build() {
            return new RunCoordinator(this);
        }
    }
}
