package dev.rover.llm;

import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.Engine;
import dev.rover.core.engine.EngineException;
import dev.rover.core.engine.ExtractRequest;
import dev.rover.core.engine.Extraction;
import dev.rover.core.engine.RunScope;
import dev.rover.core.engine.TextPromptRequest;
import dev.rover.core.engine.Usage;
import dev.rover.core.engine.Verification;
import dev.rover.core.engine.VerifyRequest;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.rover.core.page.PageSnapshot;
import dev.rover.llm.model.ChatModelFactory;
import dev.rover.llm.model.ModelCapabilities;
import dev.rover.llm.parse.ExtractionParser;
import dev.rover.llm.parse.InvalidAnswerException;
import dev.rover.llm.parse.ResponseParser;
import dev.rover.llm.parse.VerificationParser;
import dev.rover.llm.prompt.PromptComposer;
import dev.rover.llm.prompt.PromptTemplates;
import dev.rover.llm.resilience.ResilientCaller;
import dev.rover.core.engine.UsageMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The engine backed by a language model through LangChain4j (OpenAI, OpenAI-compatible servers,
 * Anthropic, Ollama). Every answer is validated; an invalid one gets one corrective re-ask, and a
 * second invalid one fails with {@link EngineException}. Verify and extract use the secondary model
 * when one is configured.
 */
public final class LlmEngine implements Engine {

    /** The registry name of this engine. */
    public static final String NAME = "llm";

    private static final Logger LOG = LoggerFactory.getLogger(LlmEngine.class);

    private final Shared shared;
    private final MeteredChat chat;
    private final RunScope scope;

    /** What all runs served by one configuration share: models, prompts and the provider's breaker. */
    private record Shared(LlmConfig config, ChatModel primary, ChatModel secondary, ResilientCaller caller,
                          PromptComposer prompts, ResponseParser decisions, VerificationParser verifications,
                          ExtractionParser extractions) {
    }

    /** An engine for this configuration, metering against the configuration's default budget. */
    public LlmEngine(LlmConfig config) {
        this(shared(config), RunScope.of(new UsageMeter(config.budget())));
    }

    private LlmEngine(Shared shared, RunScope scope) {
        this.shared = shared;
        this.scope = scope;
        this.chat = new MeteredChat(shared.caller(), shared.config().prices(), scope);
    }

    private static Shared shared(LlmConfig config) {
        Objects.requireNonNull(config, "config");
        ChatModelFactory factory = new ChatModelFactory(config);
        ChatModel primary = factory.create(config.model());
        ChatModel secondary = config.secondaryModel().isPresent() ? factory.create(config.verifyModel()) : primary;
        return new Shared(config, primary, secondary, new ResilientCaller(config.provider().id(), config.resilience()),
                new PromptComposer(new PromptTemplates()), new ResponseParser(), new VerificationParser(), new ExtractionParser());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Engine forRun(RunScope scope) {
        return new LlmEngine(shared, Objects.requireNonNull(scope, "scope"));
    }

    /** This engine calling {@code model} instead of the configured one, on the same run scope and provider breaker. */
    @Override
    public Engine forModel(String model) {
        LlmConfig config = shared.config().withModel(model);
        if (config == shared.config()) {
            return this;
        }
        ChatModelFactory factory = new ChatModelFactory(config);
        ChatModel primary = factory.create(config.model());
        ChatModel secondary = config.secondaryModel().isPresent() ? shared.secondary() : primary;
        Shared other = new Shared(config, primary, secondary, shared.caller(), shared.prompts(), shared.decisions(),
                shared.verifications(), shared.extractions());
        return new LlmEngine(other, scope);
    }

    /** True when {@code ROVER_LLM_VISION} is on and the model accepts images. */
    @Override
    public boolean wantsScreenshots() {
        return shared.config().vision() && ModelCapabilities.acceptsImages(shared.config().model());
    }

    @Override
    public Decision decide(DecideRequest request) {
        String model = shared.config().model();
        List<ChatMessage> messages = shared.prompts().decide(request, imagesFor(model, request.screenshots()));
        Parsed<Decision> parsed = askValidated("decide", shared.primary(), model, messages,
                answer -> shared.decisions().parseDecision(answer, request), request.page());
        Decision d = parsed.value();
        return new Decision(d.actions(), d.reasoning(), d.state(), d.errorCodes(), parsed.usage());
    }

    @Override
    public Extraction extract(ExtractRequest request) {
        String model = shared.config().verifyModel();
        List<ChatMessage> messages = shared.prompts().extract(request, imagesFor(model, request.screenshots()));
        Parsed<Extraction> parsed = askValidated("extract", shared.secondary(), model, messages,
                answer -> shared.extractions().parse(answer, request.schema()), null);
        return new Extraction(parsed.value().data(), parsed.value().reasoning(), parsed.usage());
    }

    @Override
    public Verification verify(VerifyRequest request) {
        String model = shared.config().verifyModel();
        List<ChatMessage> messages = shared.prompts().verify(request, imagesFor(model, request.screenshots()));
        Parsed<Verification> parsed = askValidated("verify", shared.secondary(), model, messages,
                shared.verifications()::parse, null);
        return new Verification(parsed.value().status(), parsed.value().reason(), parsed.usage());
    }

    /**
     * Sends the prompt with the schema the answer must match; the answer carries the value under
     * {@code "data"}, checked like an extraction's (one corrective re-ask).
     */
    @Override
    public Extraction complete(TextPromptRequest request) {
        String model = shared.config().model();
        StringBuilder system = new StringBuilder()
                .append("You answer the user's prompt. Reply with one JSON object only: {\"data\": <your answer>, ")
                .append("\"reasoning\": \"<one sentence>\"}, where <your answer> matches this JSON schema:\n")
                .append(request.schema().toPrettyString());
        if (request.previousError() != null) {
            system.append("\nYour previous answer was rejected: ").append(request.previousError());
        }
        List<ChatMessage> messages = List.of(SystemMessage.from(system.toString()), UserMessage.from(request.prompt()));
        Parsed<Extraction> parsed = askValidated("text_prompt", shared.primary(), model, messages,
                answer -> shared.extractions().parse(answer, request.schema()), null);
        return new Extraction(parsed.value().data(), parsed.value().reasoning(), parsed.usage());
    }

    private record Parsed<T>(T value, Usage usage) {
    }

    private <T> Parsed<T> askValidated(String kind, ChatModel model, String modelName, List<ChatMessage> messages,
                                       Function<String, T> parse, PageSnapshot page) {
        MeteredChat.Answer first = chat.send(kind, model, modelName, messages);
        try {
            return new Parsed<>(parse.apply(first.text()), first.usage());
        } catch (InvalidAnswerException invalid) {
            LOG.info("{} answer from {} was invalid ({}); asking once more with the problems named",
                    kind, modelName, invalid.getMessage());
            List<ChatMessage> again = new ArrayList<>(messages);
            again.add(AiMessage.from(first.text().isBlank() ? "(empty answer)" : first.text()));
            again.add(shared.prompts().correction(invalid.problems(), page));
            MeteredChat.Answer second = chat.send(kind + "_correction", model, modelName, again);
            Usage both = first.usage().plus(second.usage());
            try {
                return new Parsed<>(parse.apply(second.text()), both);
            } catch (InvalidAnswerException stillInvalid) {
                throw new EngineException("the " + shared.config().provider().id() + " model " + modelName
                        + " gave an invalid " + kind + " answer twice; last problems: " + stillInvalid.getMessage());
            }
        }
    }

    private boolean imagesFor(String model, List<byte[]> screenshots) {
        if (screenshots.isEmpty() || !shared.config().vision()) {
            return false;
        }
        if (!ModelCapabilities.acceptsImages(model)) {
            LOG.debug("vision is on but model {} accepts text only; screenshots not sent", model);
            return false;
        }
        return true;
    }
}
