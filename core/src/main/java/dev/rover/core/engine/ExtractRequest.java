package dev.rover.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.core.page.PageSnapshot;

import java.util.List;
import java.util.Map;

/**
 * What to extract from a page.
 *
 * @param goal          the data extraction goal
 * @param schema        a JSON schema the result must validate against, or null for free-form JSON
 * @param page          the page
 * @param userDetails   parameters the goal may refer to
 * @param screenshots   PNG screenshots, for models with vision
 * @param previousError why the previous answer was rejected (a re-ask), or null
 */
public record ExtractRequest(String goal, JsonNode schema, PageSnapshot page, Map<String, Object> userDetails,
                             List<byte[]> screenshots, String previousError) {
    public ExtractRequest {
        userDetails = userDetails == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(userDetails));
        screenshots = screenshots == null ? List.of() : List.copyOf(screenshots);
    }
}
