package dev.rover.core.definition;

/**
 * A place where a definition names a parameter or block output by key (parameter_keys,
 * source_parameter_key, loop_over_parameter_key), checked once every key is known.
 */
record KeyReference(String key, String field, SourcePosition position, String path) {
}
