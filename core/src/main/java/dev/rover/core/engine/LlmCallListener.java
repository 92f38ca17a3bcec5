package dev.rover.core.engine;

/**
 * Sees every prompt sent to a model and every response, already redacted, so the agent loop can
 * store them as {@code llm_prompt} / {@code llm_response} artifacts.
 */
public interface LlmCallListener {

    /** Ignores everything. */
    LlmCallListener NONE = new LlmCallListener() {
        @Override
        public void onPrompt(String kind, String text) {
        }

        @Override
        public void onResponse(String kind, String text) {
        }
    };

    /**
     * A prompt about to be sent.
     *
     * @param kind what the call is for: decide, decide_correction, extract, extract_correction, verify, verify_correction
     * @param text the messages as text, images named but not included
     */
    void onPrompt(String kind, String text);

    /** The model's raw answer to the prompt of the same kind. */
    void onResponse(String kind, String text);
}
