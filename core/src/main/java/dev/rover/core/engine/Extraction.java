package dev.rover.core.engine;

import com.fasterxml.jackson.databind.JsonNode;

/** Extracted data and what getting it cost. */
public record Extraction(JsonNode data, String reasoning, Usage usage) {
    public Extraction {
        usage = usage == null ? Usage.ZERO : usage;
        reasoning = reasoning == null ? "" : reasoning;
    }
}
