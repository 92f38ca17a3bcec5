package dev.rover.blocks.fakes;

import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.Engine;
import dev.rover.core.engine.ExtractRequest;
import dev.rover.core.engine.Extraction;
import dev.rover.core.engine.UsageMeter;
import dev.rover.core.engine.Verification;
import dev.rover.core.engine.VerifyRequest;

/**
 * A scripted engine as a model-backed engine serves a run: the usage each answer reports is recorded on
 * the run's meter (which enforces the budget) before the answer is returned.
 */
public final class MeteringEngine implements Engine {

    private final Engine engine;
    private final UsageMeter meter;

    public MeteringEngine(Engine engine, UsageMeter meter) {
        this.engine = engine;
        this.meter = meter;
    }

    @Override
    public String name() {
        return engine.name();
    }

    @Override
    public boolean readsEveryElement() {
        return engine.readsEveryElement();
    }

    @Override
    public Decision decide(DecideRequest request) {
        Decision d = engine.decide(request);
        meter.record(d.usage());
        return d;
    }

    @Override
    public Extraction extract(ExtractRequest request) {
        Extraction e = engine.extract(request);
        meter.record(e.usage());
        return e;
    }

    @Override
    public Verification verify(VerifyRequest request) {
        Verification v = engine.verify(request);
        meter.record(v.usage());
        return v;
    }
}
