/** {@code rover bench replay}: what a replayed run costs against the agent and against hand-written Playwright. */
package dev.rover.samples.replay;
