/**
 * Cached replay ({@code run_with: code}): recording what the agent did in a block as a script of actions with
 * element locators and fingerprints, replaying it without the engine while every element still matches, and
 * handing the block to the agent (which records a new revision) when the page has changed.
 */
package dev.rover.blocks.replay;
