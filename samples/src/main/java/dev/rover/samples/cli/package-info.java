/**
 * The rover command line (picocli): run, task, validate, runs, credentials, demo and the
 * benchmarks. Usage and definition errors exit 2 with one readable line; no stack trace reaches the
 * terminal.
 */
package dev.rover.samples.cli;
