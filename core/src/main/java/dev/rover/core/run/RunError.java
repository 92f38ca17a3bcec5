package dev.rover.core.run;

/** An error reported on a run: a code from {@code error_code_mapping} (or Rover's own) and what it means. */
public record RunError(String errorCode, String reasoning, String blockLabel) {
}
