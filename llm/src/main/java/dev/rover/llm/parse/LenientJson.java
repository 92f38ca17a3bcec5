package dev.rover.llm.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON a model meant to write: inside code fences or prose, with trailing commas,
 * comments or single quotes. Models often wrap their answer; refusing that would waste a call.
 */
public final class LenientJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private LenientJson() {
    }

    /**
     * The first JSON object or array in the text.
     *
     * @throws InvalidAnswerException saying why no JSON could be read
     */
    public static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidAnswerException("the answer is empty; answer with one JSON object");
        }
        String candidate = stripFences(text.trim());
        int start = firstOpening(candidate);
        if (start < 0) {
            throw new InvalidAnswerException("the answer contains no JSON object; answer with one JSON object only");
        }
        String tail = candidate.substring(start);
        try (JsonParser parser = MAPPER.createParser(tail)) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null) {
                throw new InvalidAnswerException("the answer contains no JSON object; answer with one JSON object only");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidAnswerException("the answer is not valid JSON (" + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (java.io.IOException e) {
            throw new InvalidAnswerException("the answer could not be read as JSON: " + e.getMessage());
        }
    }

    private static String stripFences(String text) {
        int fence = text.indexOf("```");
        if (fence < 0) {
            return text;
        }
        int bodyStart = text.indexOf('\n', fence);
        if (bodyStart < 0) {
            return text;
        }
        int end = text.indexOf("```", bodyStart);
        return end < 0 ? text.substring(bodyStart + 1) : text.substring(bodyStart + 1, end);
    }

    /** A leading array is kept whole; otherwise the first object wins over brackets in prose. */
    private static int firstOpening(String text) {
        if (text.startsWith("[")) {
            return 0;
        }
        int brace = text.indexOf('{');
        return brace >= 0 ? brace : text.indexOf('[');
    }
}
