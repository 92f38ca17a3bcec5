/**
 * Running workflows: RunCoordinator, the one owner of a run from admission to final record (active
 * runs, one cancellation token and deadline per run, the v1 sequence and v2 graph walk, completion
 * before the terminal status, then the webhook), the BlockType plug-in interface and the typed
 * BlockContext, RunServices and RunSettings that blocks see. RunResources is the seam through which
 * the embedding layer gives each run its browser, engines and secrets and completes its record.
 */
package dev.rover.core.exec;
