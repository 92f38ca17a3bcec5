package dev.rover.llm.offline;

/** The one sentence every refusal of the offline engine ends with: how to switch to a language model. */
final class LlmAdvice {

    static final String HOW_TO_CONFIGURE = "To use a language model instead, set ROVER_LLM_PROVIDER (for example openai or anthropic) "
            + "and ROVER_LLM_MODEL, plus OPENAI_API_KEY or ANTHROPIC_API_KEY.";

    private LlmAdvice() {
    }
}
