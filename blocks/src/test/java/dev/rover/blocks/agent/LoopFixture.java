package dev.rover.blocks.agent;

import dev.rover.blocks.fakes.FakeBrowser;
import dev.rover.blocks.fakes.PlaceholderSecrets;
import dev.rover.blocks.fakes.RecordingArtifacts;
import dev.rover.blocks.fakes.ScriptedEngine;
import dev.rover.core.exec.RunSecrets;
import dev.rover.core.run.CancellationToken;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Target;
import dev.rover.core.run.TimelineEntry;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.PlannedAction;
import dev.rover.core.engine.Usage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One agent loop's fakes wired together, and shorthands for scripting decisions. */
final class LoopFixture {

    static final Usage ONE_CALL = new Usage(1, 100, 10, new BigDecimal("0.01"));

    final ScriptedEngine engine = new ScriptedEngine();
    final FakeBrowser browser;
    final RecordingArtifacts artifacts = new RecordingArtifacts();
    final List<TimelineEntry> steps = Collections.synchronizedList(new ArrayList<>());
    final CancellationToken cancellation = new CancellationToken();
    RunSecrets secrets = RunSecrets.NONE;
    Instant deadline;
    Clock clock = Clock.systemUTC();

    LoopFixture(FakeBrowser browser) {
        this.browser = browser;
    }

    LoopFixture withSecrets(PlaceholderSecrets value) {
        secrets = value;
        return this;
    }

    AgentServices services() {
        return new AgentServices(engine, browser, secrets, artifacts, steps::add, cancellation, deadline, clock);
    }

    AgentOutcome run(AgentGoal goal) {
        return new AgentLoop(services()).run(goal);
    }

    static BrowserAction click(String id) {
        return new BrowserAction.Click(Target.id(id));
    }

    static BrowserAction type(String id, String text) {
        return new BrowserAction.InputText(Target.id(id), text);
    }

    static Decision act(String reasoning, BrowserAction... actions) {
        return Decision.act(java.util.Arrays.stream(actions).map(a -> new PlannedAction(a, "because " + a.actionType())).toList(),
                reasoning, ONE_CALL);
    }

    static Decision complete(String reasoning) {
        return Decision.complete(reasoning, ONE_CALL);
    }
}
