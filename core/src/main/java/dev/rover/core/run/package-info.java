/**
 * Runs as values: Run with its status machine (RunStatus), RunId, timeline entries, artifact
 * records, usage, webhook attempts, and the CancellationToken a run shares with everything waiting
 * on its behalf.
 */
package dev.rover.core.run;
