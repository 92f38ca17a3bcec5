package dev.rover.llm.cua;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.Engine;
import dev.rover.core.engine.EngineException;
import dev.rover.core.engine.ExtractRequest;
import dev.rover.core.engine.Extraction;
import dev.rover.core.engine.RunScope;
import dev.rover.core.engine.Usage;
import dev.rover.core.engine.UsageMeter;
import dev.rover.core.engine.Verification;
import dev.rover.core.engine.VerifyRequest;
import dev.rover.core.page.Screen;
import dev.rover.llm.parse.ExtractionParser;
import dev.rover.llm.parse.InvalidAnswerException;
import dev.rover.llm.parse.VerificationParser;
import dev.rover.llm.prompt.PromptComposer;
import dev.rover.llm.prompt.PromptTemplates;
import dev.rover.llm.resilience.ResilientCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the three computer-use engines share: a screenshot with every decision, a conversation that lasts
 * as long as one goal (a block), calls metered against the run's budget and reported redacted, retries
 * through the provider's resilient caller, and extraction and verification asked of the same model as a
 * plain question over the page text and the final screenshot. Subclasses speak one wire protocol each.
 */
public abstract class ComputerUseEngine implements Engine {

    private static final Logger LOG = LoggerFactory.getLogger(ComputerUseEngine.class);

    /** What all runs of one configuration share: the HTTP client and the provider's breaker. */
    record Shared(CuaHttp http, ResilientCaller caller, PromptComposer prompts, ExtractionParser extractions,
                  VerificationParser verifications) {
    }

    /** A provider answer and what it cost. */
    record Metered(JsonNode answer, Usage usage) {
    }

    protected final CuaSettings settings;
    final Shared shared;
    protected final RunScope scope;
    private String conversationGoal;

    ComputerUseEngine(CuaSettings settings, Shared shared, RunScope scope) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.shared = shared;
        this.scope = scope;
    }

    /** A new engine of the settings' kind, metering on its own unlimited meter until {@link #forRun} gives it a run's. */
    public static ComputerUseEngine create(CuaSettings settings) {
        Shared shared = new Shared(new CuaHttp(settings.timeout()),
                new ResilientCaller(settings.kind().engineName(), settings.resilience()),
                new PromptComposer(new PromptTemplates()), new ExtractionParser(), new VerificationParser());
        return of(settings, shared, RunScope.of(UsageMeter.unlimited()));
    }

    private static ComputerUseEngine of(CuaSettings settings, Shared shared, RunScope scope) {
        return switch (settings.kind()) {
            case ANTHROPIC -> new AnthropicComputerUse(settings, shared, scope);
            case OPENAI -> new OpenAiComputerUse(settings, shared, scope);
            case UI_TARS -> new UiTarsComputerUse(settings, shared, scope);
        };
    }

    @Override
    public String name() {
        return settings.kind().engineName();
    }

    /** The model this engine calls. */
    public String model() {
        return settings.model();
    }

    @Override
    public Engine forRun(RunScope runScope) {
        return of(settings, shared, Objects.requireNonNull(runScope, "scope"));
    }

    @Override
    public Engine forModel(String model) {
        if (model == null || model.isBlank() || model.trim().equals(settings.model())) {
            return this;
        }
        return of(settings.withModel(model), shared, scope);
    }

    /** Always: the model sees nothing but screenshots. */
    @Override
    public boolean wantsScreenshots() {
        return true;
    }

    @Override
    public synchronized Decision decide(DecideRequest request) {
        if (request.screenshots().isEmpty()) {
            throw new EngineException(name() + " needs a screenshot of the page for every decision, and none could be taken");
        }
        byte[] png = request.screenshots().get(request.screenshots().size() - 1);
        Screen screen = Screen.ofPng(png);
        String goal = request.goal() + "\u0000" + request.completeCriterion();
        boolean fresh = request.history().isEmpty() || !goal.equals(conversationGoal);
        if (fresh) {
            conversationGoal = goal;
        }
        return turn(request, png, screen, fresh);
    }

    /**
     * One turn of the protocol: on a fresh conversation the goal and the screenshot, else the outcome of the
     * actions of the previous turn (found in the request's history) with the new screenshot.
     */
    abstract Decision turn(DecideRequest request, byte[] png, Screen screen, boolean fresh);

    /** A plain question with an optional screenshot; the answer's text. */
    abstract Answer ask(String kind, String question, byte[] png);

    /** A plain answer and its usage. */
    record Answer(String text, Usage usage) {
    }

    @Override
    public Extraction extract(ExtractRequest request) {
        String question = text(shared.prompts().extract(request, false));
        byte[] png = request.screenshots().isEmpty() ? null : request.screenshots().get(request.screenshots().size() - 1);
        Parsed<Extraction> parsed = askValidated("extract", question, png, a -> shared.extractions().parse(a, request.schema()));
        return new Extraction(parsed.value().data(), parsed.value().reasoning(), parsed.usage());
    }

    @Override
    public Verification verify(VerifyRequest request) {
        String question = text(shared.prompts().verify(request, false));
        byte[] png = request.screenshots().isEmpty() ? null : request.screenshots().get(request.screenshots().size() - 1);
        Parsed<Verification> parsed = askValidated("verify", question, png, shared.verifications()::parse);
        return new Verification(parsed.value().status(), parsed.value().reason(), parsed.usage());
    }

    private record Parsed<T>(T value, Usage usage) {
    }

    private <T> Parsed<T> askValidated(String kind, String question, byte[] png, Function<String, T> parse) {
        Answer first = ask(kind, question, png);
        try {
            return new Parsed<>(parse.apply(first.text()), first.usage());
        } catch (InvalidAnswerException invalid) {
            LOG.info("{} answer from {} was invalid ({}); asking once more", kind, settings.model(), invalid.getMessage());
            Answer second = ask(kind + "_correction", question + "\n\nYour previous answer was:\n" + first.text()
                    + "\n\nIt could not be used: " + String.join("; ", invalid.problems())
                    + ". Answer again with only the JSON object asked for.", png);
            try {
                return new Parsed<>(parse.apply(second.text()), first.usage().plus(second.usage()));
            } catch (InvalidAnswerException stillInvalid) {
                throw new EngineException("the " + name() + " model " + settings.model() + " gave an invalid " + kind
                        + " answer twice; last problems: " + stillInvalid.getMessage());
            }
        }
    }

    /** The prompt composer's messages as one text (system first). */
    private static String text(List<ChatMessage> messages) {
        return messages.stream().map(m -> {
            if (m instanceof SystemMessage s) {
                return s.text();
            }
            if (m instanceof UserMessage u) {
                return u.contents().stream().filter(TextContent.class::isInstance).map(c -> ((TextContent) c).text())
                        .collect(Collectors.joining("\n"));
            }
            return "";
        }).collect(Collectors.joining("\n\n"));
    }

    /**
     * Sends one request: refused when the run's budget is spent, reported (images named, not included,
     * then redacted) to the run's listener, retried on transient failures, metered with its cost.
     */
    Metered call(String kind, String url, Map<String, String> headers, ObjectNode body, Function<JsonNode, long[]> tokens) {
        scope.meter().ensureWithinBudget();
        scope.listener().onPrompt(kind, scope.redactor().apply(Transcripts.withoutImages(body)));
        JsonNode answer = shared.caller().call(() -> shared.http().post(url, headers, body));
        long[] inOut = tokens.apply(answer);
        Usage usage = new Usage(1, inOut[0], inOut[1], settings.prices().cost(settings.model(), inOut[0], inOut[1]));
        scope.listener().onResponse(kind, scope.redactor().apply(Transcripts.withoutImages(answer)));
        scope.meter().record(usage);
        return new Metered(answer, usage);
    }

    /** The goal as the model reads it: what to achieve, when it is done, what it may type, how to say it is done. */
    static String goalText(DecideRequest r, String doneInstructions) {
        StringBuilder sb = new StringBuilder();
        sb.append("Goal: ").append(r.goal() == null ? "" : r.goal()).append('\n');
        if (r.completeCriterion() != null && !r.completeCriterion().isBlank()) {
            sb.append("The goal is reached when: ").append(r.completeCriterion()).append('\n');
        }
        if (r.terminateCriterion() != null && !r.terminateCriterion().isBlank()) {
            sb.append("Give up when: ").append(r.terminateCriterion()).append('\n');
        }
        if (!r.userDetails().isEmpty()) {
            sb.append("Values you may type (a value starting with placeholder_ stands for a credential: click its field,"
                    + " then type the placeholder exactly as written and Rover fills in the real value):\n")
                    .append(dev.rover.core.json.Json.pretty(r.userDetails())).append('\n');
        }
        if (!r.errorCodeMapping().isEmpty()) {
            sb.append("Error codes to name when giving up:\n");
            r.errorCodeMapping().forEach((code, when) -> sb.append("- ").append(code).append(": ").append(when).append('\n'));
        }
        if (r.systemPrompt() != null && !r.systemPrompt().isBlank()) {
            sb.append(r.systemPrompt()).append('\n');
        }
        sb.append("The browser shows ").append(r.page().url()).append('\n');
        sb.append(doneInstructions);
        return sb.toString();
    }

    /** How the chat-style models say they are done: {@code DONE:} or {@code IMPOSSIBLE:} lines. */
    static final String DONE_INSTRUCTIONS = "When the goal is reached, stop using the computer and answer with a line starting"
            + " \"DONE:\" and a short summary. When it cannot be reached, answer with a line starting \"IMPOSSIBLE:\", the"
            + " error code in brackets if one applies, and the reason.";

    /** The model's final text as a decision: terminated when it says IMPOSSIBLE, else complete. */
    static Decision finish(String text, DecideRequest r, Usage usage) {
        String answer = text == null ? "" : text.trim();
        boolean impossible = answer.lines().anyMatch(l -> l.trim().toUpperCase(java.util.Locale.ROOT).startsWith("IMPOSSIBLE"));
        if (impossible) {
            List<String> codes = r.errorCodeMapping().keySet().stream().filter(c -> answer.contains("[" + c + "]") || answer.contains(c)).toList();
            return Decision.terminate(answer, codes, usage);
        }
        return Decision.complete(answer.isEmpty() ? "the model ended the task" : answer, usage);
    }
}
