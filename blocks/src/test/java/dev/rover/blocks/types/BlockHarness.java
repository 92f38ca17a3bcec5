package dev.rover.blocks.types;

import dev.rover.blocks.fakes.FakeBrowser;
import dev.rover.blocks.fakes.MeteringEngine;
import dev.rover.blocks.fakes.RecordingArtifacts;
import dev.rover.blocks.fakes.ScriptedEngine;
import dev.rover.core.engine.Engine;
import dev.rover.core.engine.UsageMeter;
import dev.rover.core.exec.RunResources;
import dev.rover.core.exec.RunServices;
import dev.rover.core.exec.RunSettings;
import dev.rover.core.page.RunBrowser;
import dev.rover.core.exec.RunArtifacts;
import dev.rover.core.exec.RunSecrets;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.definition.Parameter;
import dev.rover.core.definition.SourcePosition;
import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowSettings;
import dev.rover.core.exec.RunHandle;
import dev.rover.core.exec.RunOptions;
import dev.rover.core.exec.RunCoordinator;
import dev.rover.core.run.Run;
import dev.rover.core.run.TimelineEntry;
import dev.rover.core.store.InMemoryRunStore;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Rover's block types behind the real executor, with a scripted engine, a fake browser and an in-memory store. */
final class BlockHarness implements AutoCloseable {

    final ScriptedEngine engine = new ScriptedEngine("default");
    final Map<String, ScriptedEngine> namedEngines = new HashMap<>();
    final FakeBrowser browser;
    final RecordingArtifacts artifacts = new RecordingArtifacts();
    final AtomicInteger browserRequests = new AtomicInteger();
    final InMemoryRunStore store = new InMemoryRunStore();
    final RunCoordinator executor;
    RunSecrets secrets = RunSecrets.NONE;

    BlockHarness(FakeBrowser browser) {
        this.browser = browser;
        executor = RunCoordinator.builder(store).blockTypes(List.of(new GotoUrlBlock(), new WaitBlock(), new NavigationBlock(),
                new ActionBlock(), new LoginBlock(), new ExtractionBlock(), new TaskBlock(), new FileDownloadBlock(),
                new ForLoopBlock(), new ConditionalBlock(), new ValidationBlock(), new HttpRequestBlock(), new CodeBlock(),
                new PrintPageBlock(), new WhileLoopBlock())).build();
    }

    /** Settings every run of this harness gets (tests change them before running). */
    RunSettings settings = RunSettings.DEFAULTS;
    /** The models the blocks asked their engines for, in order (null = the engine's own). */
    final List<String> requestedModels = new java.util.concurrent.CopyOnWriteArrayList<>();

    RunServices services(UsageMeter meter) {
        return new RunServices() {
            @Override
            public RunBrowser browser() {
                browserRequests.incrementAndGet();
                return browser;
            }

            @Override
            public Engine engine(String name, String model) {
                requestedModels.add(model);
                if (name == null) {
                    return new MeteringEngine(engine, meter);
                }
                ScriptedEngine e = namedEngines.get(name);
                if (e == null) {
                    throw new IllegalArgumentException("unknown engine '" + name + "'; known: " + namedEngines.keySet());
                }
                return new MeteringEngine(e, meter);
            }

            @Override
            public RunSecrets secrets() {
                return secrets;
            }

            @Override
            public RunArtifacts artifacts() {
                return artifacts;
            }

            @Override
            public RunSettings settings() {
                return settings;
            }

            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }
        };
    }

    RunOptions.Builder options(Map<String, ?> parameters) {
        return RunOptions.builder().parameters(parameters)
                .resources(admission -> RunResources.of(services(admission.meter()), null));
    }

    Run run(Workflow workflow) {
        return run(workflow, Map.of());
    }

    Run run(Workflow workflow, Map<String, ?> parameters) {
        return executor.run(workflow, options(parameters).build());
    }

    RunHandle start(Workflow workflow, RunOptions options) {
        return executor.start(workflow, options);
    }

    List<TimelineEntry> timeline(Run run) {
        return store.timeline(run.runId());
    }

    @Override
    public void close() {
        executor.close();
    }

    static Workflow workflow(int version, List<Parameter> parameters, BlockDefinition... blocks) {
        return new Workflow("<test>", "blocks test", null, WorkflowSettings.DEFAULTS, version, parameters, List.of(blocks),
                null, Map.of(), null);
    }

    static Workflow v1(BlockDefinition... blocks) {
        return workflow(1, List.of(), blocks);
    }

    static Parameter json(String key) {
        return new Parameter.WorkflowParameter(key, null, Parameter.ValueType.JSON, null, SourcePosition.UNKNOWN);
    }

    static Parameter string(String key) {
        return new Parameter.WorkflowParameter(key, null, Parameter.ValueType.STRING, null, SourcePosition.UNKNOWN);
    }

    static BlockDefinition block(String type, String label, Object... pairs) {
        return graphBlock(type, label, null, false, List.of(), pairs);
    }

    static BlockDefinition graphBlock(String type, String label, String next, boolean nextLoopOnFailure, List<BlockDefinition> loopBlocks,
                                 Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return new BlockDefinition(type, label, next, false, nextLoopOnFailure, null, fields, loopBlocks, SourcePosition.UNKNOWN, Map.of());
    }
}
