/**
 * The agent loop of AI blocks: observe, decide, act, verify, until the goal is complete, impossible
 * or out of steps, with the loop guard and extraction.
 */
package dev.rover.blocks.agent;
