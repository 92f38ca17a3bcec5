package dev.rover.samples.e2e;

import dev.rover.Rover;
import dev.rover.RoverBuilder;
import dev.rover.samples.demo.DemoAccount;
import dev.rover.samples.demo.DemoSite;
import dev.rover.samples.e2e.fakellm.ScriptedLlmProvider;

import dev.rover.llm.LlmConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import static dev.rover.samples.e2e.fakellm.Intent.click;
import static dev.rover.samples.e2e.fakellm.Intent.inputText;

/**
 * One demo portal, one scripted OpenAI-compatible provider and one Rover on the LLM engine for a
 * test class (the LLM-path counterpart of {@link OfflinePortal}), plus the scripted answers that
 * sign in to the portal.
 */
final class LlmPortal implements AutoCloseable {

    private final DemoSite site;
    private final ScriptedLlmProvider llm;
    private final Rover rover;

    private LlmPortal(DemoSite site, ScriptedLlmProvider llm, Rover rover) {
        this.site = site;
        this.llm = llm;
        this.rover = rover;
    }

    /** Starts the portal, the provider and a Rover on it with data in {@code dataDirectory}, plus any other builder settings. */
    static LlmPortal start(Path dataDirectory, UnaryOperator<RoverBuilder> settings) throws IOException {
        return start(dataDirectory, UnaryOperator.identity(), settings);
    }

    /** As {@link #start(Path, UnaryOperator)}, with the provider's LLM configuration changed first (vision, models). */
    static LlmPortal start(Path dataDirectory, UnaryOperator<LlmConfig.Builder> llmSettings, UnaryOperator<RoverBuilder> settings)
            throws IOException {
        DemoSite site = DemoSite.start(DemoAccount.standard());
        ScriptedLlmProvider llm = null;
        try {
            llm = ScriptedLlmProvider.start();
            Rover rover = settings.apply(Rover.builder().dataDirectory(dataDirectory).llm(llmSettings.apply(llm.config()).build())).build();
            return new LlmPortal(site, llm, rover);
        } catch (RuntimeException e) {
            if (llm != null) {
                llm.close();
            }
            site.close();
            throw e;
        }
    }

    DemoSite site() {
        return site;
    }

    ScriptedLlmProvider llm() {
        return llm;
    }

    Rover rover() {
        return rover;
    }

    /** Queues the answer that fills the sign-in form with the credential's placeholders and submits it. */
    static ScriptedLlmProvider scriptSignIn(ScriptedLlmProvider llm) {
        return llm.then(inputText("Username", "{{detail:username}}"), inputText("Password", "{{detail:password}}"), click("Sign in"));
    }

    /** Queues the answers of a whole login: the sign-in form, then the one-time code. */
    static ScriptedLlmProvider scriptLogin(ScriptedLlmProvider llm) {
        return scriptSignIn(llm).then(inputText("Verification code", "{{detail:totp}}"), click("Verify"));
    }

    @Override
    public void close() {
        try {
            rover.close();
        } finally {
            try {
                llm.close();
            } finally {
                site.close();
            }
        }
    }
}
