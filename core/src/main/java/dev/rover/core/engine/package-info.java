/**
 * The engine plug-in interface: Engine (decide, extract, verify) with its request and decision
 * types, usage and the per-run usage meter and budget. Implementations live in the llm module;
 * blocks call them through RunServices. Engines see placeholders, never secrets.
 */
package dev.rover.core.engine;
