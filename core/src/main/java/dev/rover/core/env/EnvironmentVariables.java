package dev.rover.core.env;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place Rover reads environment variables from. Everything configured by a variable
 * ({@code ROVER_HOME}, {@code ROVER_MASTER_KEY}, {@code ROVER_WEBHOOK_KEY}, {@code ROVER_CHROMIUM},
 * {@code ROVER_LLM_*}, {@code ROVER_PROXY}, ...) asks an instance of this, so an application or a test
 * replaces the whole environment at once with {@code Rover.builder().environment(map)}.
 */
public final class EnvironmentVariables {

    private final Map<String, String> values;

    private EnvironmentVariables(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The process environment. */
    public static EnvironmentVariables system() {
        return new EnvironmentVariables(System.getenv());
    }

    /** Exactly these variables. */
    public static EnvironmentVariables of(Map<String, String> values) {
        return new EnvironmentVariables(Objects.requireNonNull(values, "values"));
    }

    /** The variable's value, trimmed; empty when unset or blank. */
    public Optional<String> get(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** Every variable, as a map. */
    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public String toString() {
        // values may be keys: name the variables only
        return "EnvironmentVariables" + values.keySet().stream().filter(k -> k.startsWith("ROVER_")).sorted().toList();
    }
}
