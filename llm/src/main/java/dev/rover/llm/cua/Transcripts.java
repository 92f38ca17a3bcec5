package dev.rover.llm.cua;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.rover.core.engine.ActionRecord;
import dev.rover.core.json.Json;
import dev.rover.core.page.BrowserAction;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Helpers for the computer-use conversations: a request as the prompt artifact shows it (screenshots
 * named, not embedded) and what became of an action the model asked for last turn.
 */
final class Transcripts {

    private Transcripts() {
    }

    /** The JSON pretty-printed with every base64 image replaced by a short note. */
    static String withoutImages(JsonNode node) {
        return Json.pretty(strip(node.deepCopy()));
    }

    private static JsonNode strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            boolean base64 = "base64".equals(o.path("type").asText());
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                JsonNode v = f.getValue();
                if (v.isTextual() && (v.asText().startsWith("data:image") || (base64 && f.getKey().equals("data")))) {
                    f.setValue(TextNode.valueOf("[image, " + v.asText().length() + " base64 chars]"));
                } else {
                    strip(v);
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(Transcripts::strip);
        }
        return node;
    }

    /**
     * What happened to an action of the previous turn: "ok", the failure reason, or null when the loop never
     * performed it (an earlier action failed or the step was refused).
     */
    static String outcome(BrowserAction action, List<ActionRecord> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            ActionRecord r = history.get(i);
            if (r.action() == action) {
                return r.result().success() ? "ok" : r.result().failureReason();
            }
        }
        return null;
    }

    /** Base64 of a PNG. */
    static String base64(byte[] png) {
        return java.util.Base64.getEncoder().encodeToString(png);
    }
}
