package dev.rover.blocks.fakes;

import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.Engine;
import dev.rover.core.engine.ExtractRequest;
import dev.rover.core.engine.Extraction;
import dev.rover.core.engine.Verification;
import dev.rover.core.engine.VerifyRequest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * An engine that answers from queues a test fills in advance and records every request, so a
 * test can script a run step by step and then check what the engine was shown.
 */
public final class ScriptedEngine implements Engine {

    private final String name;
    private final Deque<Function<DecideRequest, Decision>> decisions = new ArrayDeque<>();
    private final Deque<Function<ExtractRequest, Extraction>> extractions = new ArrayDeque<>();
    private final Deque<Function<VerifyRequest, Verification>> verifications = new ArrayDeque<>();
    public final List<DecideRequest> decideRequests = Collections.synchronizedList(new ArrayList<>());
    public final List<ExtractRequest> extractRequests = Collections.synchronizedList(new ArrayList<>());
    public final List<VerifyRequest> verifyRequests = Collections.synchronizedList(new ArrayList<>());
    private Function<DecideRequest, Decision> whenOutOfDecisions;

    public ScriptedEngine() {
        this("scripted");
    }

    public ScriptedEngine(String name) {
        this.name = name;
    }

    /** Queues decisions, one per decide call. */
    public synchronized ScriptedEngine decide(Decision... answers) {
        for (Decision d : answers) {
            decisions.add(r -> d);
        }
        return this;
    }

    /** Queues a decision computed from the request. */
    public synchronized ScriptedEngine decideWith(Function<DecideRequest, Decision> answer) {
        decisions.add(answer);
        return this;
    }

    /** Answers every decide call beyond the queue with this. */
    public synchronized ScriptedEngine otherwise(Function<DecideRequest, Decision> answer) {
        whenOutOfDecisions = answer;
        return this;
    }

    /** Queues extractions, one per extract call. */
    public synchronized ScriptedEngine extract(Extraction... answers) {
        for (Extraction e : answers) {
            extractions.add(r -> e);
        }
        return this;
    }

    /** Queues verifications, one per verify call. */
    public synchronized ScriptedEngine verify(Verification... answers) {
        for (Verification v : answers) {
            verifications.add(r -> v);
        }
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Decision decide(DecideRequest request) {
        decideRequests.add(request);
        Function<DecideRequest, Decision> next;
        synchronized (this) {
            next = decisions.poll();
            if (next == null) {
                next = whenOutOfDecisions;
            }
        }
        if (next == null) {
            throw new IllegalStateException("no scripted decision left for call " + decideRequests.size());
        }
        return next.apply(request);
    }

    @Override
    public Extraction extract(ExtractRequest request) {
        extractRequests.add(request);
        Function<ExtractRequest, Extraction> next;
        synchronized (this) {
            next = extractions.poll();
        }
        if (next == null) {
            throw new IllegalStateException("no scripted extraction left for call " + extractRequests.size());
        }
        return next.apply(request);
    }

    @Override
    public Verification verify(VerifyRequest request) {
        verifyRequests.add(request);
        Function<VerifyRequest, Verification> next;
        synchronized (this) {
            next = verifications.poll();
        }
        if (next == null) {
            throw new IllegalStateException("no scripted verification left for call " + verifyRequests.size());
        }
        return next.apply(request);
    }
}
