package dev.rover.blocks.runtime;

import dev.rover.core.exec.RunArtifacts;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.engine.LlmCallListener;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** Stores every model prompt and response of a run as {@code llm_prompt} / {@code llm_response} artifacts (already redacted by the engine). */
public final class PromptRecorder implements LlmCallListener {

    private final RunArtifacts artifacts;
    private final AtomicInteger calls = new AtomicInteger();

    public PromptRecorder(RunArtifacts artifacts) {
        this.artifacts = artifacts;
    }

    @Override
    public void onPrompt(String kind, String text) {
        int n = calls.incrementAndGet();
        artifacts.record(ArtifactType.LLM_PROMPT, null, null, "llm-" + n + "-" + kind + "-prompt.txt", "text/plain",
                text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void onResponse(String kind, String text) {
        artifacts.record(ArtifactType.LLM_RESPONSE, null, null, "llm-" + calls.get() + "-" + kind + "-response.txt", "text/plain",
                text.getBytes(StandardCharsets.UTF_8));
    }
}
