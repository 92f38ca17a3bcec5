package dev.rover.core.engine;

/**
 * Looks at a page and a goal and decides what to do. Three questions: what actions to take
 * next ({@link #decide}), what data the page holds ({@link #extract}) and whether a goal has been
 * reached ({@link #verify}). Implementations: the LangChain4j-backed LLM engine and the offline
 * engine. An engine never sees a secret value, only placeholders.
 */
public interface Engine extends AutoCloseable {

    /** The registry name of this engine. */
    String name();

    /** The next actions toward the goal, or that the goal is reached or cannot be. */
    Decision decide(DecideRequest request);

    /** Data from the page, shaped by the request's JSON schema when it has one. */
    Extraction extract(ExtractRequest request);

    /** Whether the goal (or complete criterion) is achieved on this page. */
    Verification verify(VerifyRequest request);

    /**
     * True for an engine that decides from the page's element list (texts, attributes, values, options) rather than
     * from the prompt text: pages observed for it have every control read in full
     * ({@link dev.rover.core.page.RunBrowser#observe(boolean)}), not only those the prompt can show.
     */
    default boolean readsEveryElement() {
        return false;
    }

    /**
     * Answers a prompt with JSON matching the request's schema (the {@code text_prompt} block). Engines
     * that call no model cannot answer free prompts and refuse with {@link EngineException}.
     */
    default Extraction complete(TextPromptRequest request) {
        throw new EngineException("the " + name() + " engine cannot run text_prompt block '" + request.blockLabel()
                + "': it calls no language model; configure one (ROVER_LLM_PROVIDER, ROVER_LLM_MODEL) and run with engine llm");
    }

    /**
     * This engine serving one run: usage counted on the run's meter (and budget), prompts and
     * responses reported to the run's listener after redaction. Engines that call no model ignore
     * the scope and return themselves.
     */
    default Engine forRun(RunScope scope) {
        return this;
    }

    /**
     * This engine calling another model (a task's, workflow's or block's {@code model}). Engines that call
     * no model (the offline engine) have no model to choose and return themselves.
     */
    default Engine forModel(String model) {
        return this;
    }

    /**
     * Whether this engine wants a masked screenshot of the page with each decision (a vision model with
     * {@code ROVER_LLM_VISION} on). Default: no.
     */
    default boolean wantsScreenshots() {
        return false;
    }

    /** Releases what the engine holds (HTTP clients, thread pools). Default: nothing. */
    @Override
    default void close() {
    }
}
