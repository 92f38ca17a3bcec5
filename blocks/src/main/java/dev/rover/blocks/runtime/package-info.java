/**
 * How the facade turns a request into a run of the coordinator: request checks, the per-run
 * resources (secret scope, engines, artifact sink, lazy browser, credential placeholders and origin
 * guard) and the completion of the run's record (final screenshot, recording, report).
 */
package dev.rover.blocks.runtime;
