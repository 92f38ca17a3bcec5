/**
 * The facade applications embed: Rover, its builder and the request types (TaskRequest,
 * WorkflowRunOptions), built with builders so new settings never break callers.
 */
package dev.rover;
