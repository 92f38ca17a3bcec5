/**
 * EnvironmentVariables, the one reader of the process environment: every variable Rover honours is
 * read through it, so RoverBuilder.environment(map) replaces all of them.
 */
package dev.rover.core.env;
