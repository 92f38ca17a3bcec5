package dev.rover.core.exec;

import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.Engine;
import dev.rover.core.engine.ExtractRequest;
import dev.rover.core.engine.Extraction;
import dev.rover.core.engine.Usage;
import dev.rover.core.engine.UsageMeter;
import dev.rover.core.engine.Verification;
import dev.rover.core.engine.VerifyRequest;

import java.math.BigDecimal;

/** An engine that, like a model-backed one, records every call (100 tokens in, 20 out) on the run's meter. */
final class MeteredEngine implements Engine {

    private static final Usage CALL = new Usage(1, 100, 20, new BigDecimal("0.01"));

    private final UsageMeter meter;

    MeteredEngine(UsageMeter meter) {
        this.meter = meter;
    }

    @Override
    public String name() {
        return "metered";
    }

    @Override
    public Decision decide(DecideRequest request) {
        meter.record(CALL);
        return Decision.complete("done", CALL);
    }

    @Override
    public Extraction extract(ExtractRequest request) {
        meter.record(CALL);
        return new Extraction(null, "nothing", CALL);
    }

    @Override
    public Verification verify(VerifyRequest request) {
        meter.record(CALL);
        return new Verification(Verification.Status.ACHIEVED, "it is", CALL);
    }
}
