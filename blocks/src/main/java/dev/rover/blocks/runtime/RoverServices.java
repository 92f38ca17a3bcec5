package dev.rover.blocks.runtime;

import dev.rover.browser.BrowserOptions;
import dev.rover.browser.observe.ObserveOptions;
import dev.rover.browser.session.BrowserProfiles;
import dev.rover.browser.session.BrowserSessions;
import dev.rover.core.exec.RunCoordinator;
import dev.rover.core.secret.CredentialStore;
import dev.rover.core.secret.TotpMailbox;
import dev.rover.core.secret.TotpUrlClient;
import dev.rover.core.store.ArtifactStore;
import dev.rover.core.store.RunFolders;
import dev.rover.core.store.RunStore;
import dev.rover.llm.EngineRegistry;
import dev.rover.core.engine.RunBudget;

import java.time.Clock;

/**
 * The long-lived parts a {@link dev.rover.Rover} is made of, shared by all its runs.
 *
 * @param runs           runs, timelines, artifact records
 * @param files          artifact contents
 * @param folders        the local folders of runs (downloads, the recording being written)
 * @param vault          credentials
 * @param coordinator    the run coordinator (its pool is the concurrency limit; it sends webhooks)
 * @param sessions       persistent browser sessions
 * @param profiles       saved browser profiles
 * @param engines        engines by name
 * @param defaultEngine  the engine for blocks and tasks that name none
 * @param browserOptions the base options for every run's browser
 * @param observeOptions how pages are observed
 * @param budget         per-run token and cost budget
 * @param proxyServer    the proxy for runs that ask for one, or null when none is configured
 * @param proxyDirect    whether runs that ask for a proxy run direct (with a warning) when none is configured
 * @param totpCodes      one-time codes pushed for {@code totp_identifier}s
 * @param totpUrls       fetches one-time codes from {@code totp_url}s
 * @param clock          time source
 * @param environment    the variables Rover was configured from (AWS and SMTP settings of the service blocks)
 * @param scripts        the block scripts of cached replay
 * @param workflows      stored workflow definitions (where a task's {@code publish_workflow} goes)
 * @param home           the data directory
 */
public record RoverServices(RunStore runs, ArtifactStore files, RunFolders folders, CredentialStore vault, RunCoordinator coordinator,
                            BrowserSessions sessions, BrowserProfiles profiles, EngineRegistry engines, String defaultEngine,
                            BrowserOptions browserOptions, ObserveOptions observeOptions,
                            RunBudget budget, String proxyServer, boolean proxyDirect, TotpMailbox totpCodes, TotpUrlClient totpUrls, Clock clock,
                            dev.rover.core.env.EnvironmentVariables environment, dev.rover.core.script.ScriptStore scripts,
                            dev.rover.core.store.WorkflowStore workflows, dev.rover.core.store.RoverHome home) {
}
