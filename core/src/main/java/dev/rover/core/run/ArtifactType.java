package dev.rover.core.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Kinds of artifacts a run records, with Skyvern's wire names plus Rover's own ({@code report}, {@code page_prompt}). */
public enum ArtifactType {
    RECORDING, SCREENSHOT_LLM, SCREENSHOT_ACTION, SCREENSHOT_FINAL, LLM_PROMPT, LLM_REQUEST, LLM_RESPONSE,
    LLM_RESPONSE_PARSED, VISIBLE_ELEMENTS_TREE, PAGE_PROMPT, HTML_SCRAPE, TRACE, HAR, SCRIPT_FILE, PDF, DOWNLOAD, REPORT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ArtifactType fromWireName(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown artifact type '" + name + "'; known: "
                    + java.util.Arrays.stream(values()).map(ArtifactType::wireName).toList());
        }
    }
}
