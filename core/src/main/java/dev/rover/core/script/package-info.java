/**
 * Cached replay ({@code run_with: code}): the scripts an agent run leaves behind for each cacheable block
 * (actions with the locator and fingerprint of every element acted on, values as templates or credential
 * references), how they are keyed and stored with revisions, and the check that a replayed action is about
 * to act on the same element the agent chose.
 */
package dev.rover.core.script;
