package dev.rover.llm;

import dev.rover.core.engine.RunScope;
import dev.rover.core.engine.Usage;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.rover.llm.resilience.ResilientCaller;
import dev.rover.llm.usage.PriceTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One model call as a run sees it: checked against the budget first, reported (redacted) to the
 * run's listener, sent through the resilient caller, then metered with its token counts and cost.
 */
final class MeteredChat {

    private static final Logger LOG = LoggerFactory.getLogger(MeteredChat.class);

    /** A model's answer and what it cost. */
    record Answer(String text, Usage usage) {
    }

    private final ResilientCaller caller;
    private final PriceTable prices;
    private final RunScope scope;

    MeteredChat(ResilientCaller caller, PriceTable prices, RunScope scope) {
        this.caller = caller;
        this.prices = prices;
        this.scope = scope;
    }

    Answer send(String kind, ChatModel model, String modelName, List<ChatMessage> messages) {
        scope.meter().ensureWithinBudget();
        scope.listener().onPrompt(kind, scope.redactor().apply(transcript(messages)));
        ChatRequest request = ChatRequest.builder().messages(messages).build();
        ChatResponse response = caller.call(() -> model.chat(request));
        String text = response.aiMessage() == null || response.aiMessage().text() == null ? "" : response.aiMessage().text();
        TokenUsage tokens = response.tokenUsage();
        long in = tokens == null || tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
        long out = tokens == null || tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
        BigDecimal cost = prices.cost(modelName, in, out);
        Usage usage = new Usage(1, in, out, cost);
        LOG.debug("{} call to {}: {} input tokens, {} output tokens, cost {}", kind, modelName, in, out, cost.toPlainString());
        scope.listener().onResponse(kind, scope.redactor().apply(text));
        scope.meter().record(usage);
        return new Answer(text, usage);
    }

    /** The messages as readable text for the prompt artifact; images are named, not included. */
    static String transcript(List<ChatMessage> messages) {
        return messages.stream().map(MeteredChat::render).collect(Collectors.joining("\n\n"));
    }

    private static String render(ChatMessage message) {
        if (message instanceof SystemMessage s) {
            return "[system]\n" + s.text();
        }
        if (message instanceof AiMessage a) {
            return "[assistant]\n" + (a.text() == null ? "" : a.text());
        }
        if (message instanceof UserMessage u) {
            StringBuilder sb = new StringBuilder("[user]\n");
            for (Content c : u.contents()) {
                if (c instanceof TextContent t) {
                    sb.append(t.text());
                } else if (c instanceof ImageContent i) {
                    sb.append("\n[image ").append(i.image().mimeType()).append(", ")
                            .append(i.image().base64Data() == null ? 0 : i.image().base64Data().length()).append(" base64 chars]");
                }
            }
            return sb.toString();
        }
        return "[" + message.type() + "]";
    }
}
