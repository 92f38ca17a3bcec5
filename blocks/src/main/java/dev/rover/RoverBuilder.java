package dev.rover;

import dev.rover.core.env.EnvironmentVariables;

import dev.rover.blocks.runtime.NotifyingRunStore;
import dev.rover.blocks.runtime.RoverServices;
import dev.rover.browser.BrowserOptions;
import dev.rover.core.page.TraceMode;
import dev.rover.browser.ChromiumLocator;
import dev.rover.browser.observe.ObserveOptions;
import dev.rover.browser.session.BrowserProfiles;
import dev.rover.browser.session.BrowserSessions;
import dev.rover.core.exec.RunCoordinator;
import dev.rover.core.secret.CredentialStore;
import dev.rover.core.secret.CredentialVault;
import dev.rover.core.secret.MasterKey;
import dev.rover.core.secret.TotpMailbox;
import dev.rover.core.secret.TotpUrlClient;
import dev.rover.core.store.FileArtifactStore;
import dev.rover.core.store.RunFolders;
import dev.rover.core.store.JdbcRunStore;
import dev.rover.core.store.RoverHome;
import dev.rover.core.store.RunStore;
import dev.rover.core.webhook.WebhookSender;
import dev.rover.core.webhook.WebhookSigningKey;
import dev.rover.core.engine.Engine;
import dev.rover.llm.EngineRegistry;
import dev.rover.llm.cua.ComputerUseEngines;
import dev.rover.llm.cua.CuaKind;
import dev.rover.llm.cua.CuaSettings;
import dev.rover.llm.LlmConfig;
import dev.rover.llm.LlmEngine;
import dev.rover.llm.offline.OfflineEngine;
import dev.rover.core.engine.RunBudget;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Configures a {@link Rover}. Every setting has a default: data in {@code ROVER_HOME} (else
 * {@code ~/.rover}); the LLM engine when {@code ROVER_LLM_PROVIDER} (or an LLM config) is set, the
 * offline engine otherwise; headless Chromium; two runs at a time, more wait in {@code queued}.
 */
public final class RoverBuilder {

    /** The offline engine's registry name. */
    public static final String OFFLINE = "offline";

    private Path dataDirectory;
    private String defaultEngine;
    private LlmConfig llm;
    private final Map<String, Supplier<Engine>> extraEngines = new LinkedHashMap<>();
    private final Map<CuaKind, CuaSettings> computerUse = new java.util.EnumMap<>(CuaKind.class);
    private BrowserOptions browserOptions = BrowserOptions.defaults();
    private boolean allowFileUrls;
    private TraceMode trace;
    private ObserveOptions observeOptions = ObserveOptions.DEFAULTS;
    private int concurrency = 2;
    private RunListener listener = RunListener.NONE;
    private WebhookSigningKey webhookKey;
    private Duration webhookBackoff;
    private RunBudget budget;
    private String proxy;
    private ProxyPolicy proxyPolicy = ProxyPolicy.REQUIRE;
    private MasterKey masterKey;
    private Clock clock = Clock.systemUTC();
    private Map<String, String> environment = EnvironmentVariables.system().asMap();
    private String databaseUrl;
    private CredentialStore credentialStore;
    private Duration runLease;

    RoverBuilder() {
    }

    /** Where runs, artifacts, credentials and profiles live. */
    public RoverBuilder dataDirectory(Path v) { dataDirectory = v; return this; }

    /**
     * The run database, shared by every process that uses the same URL (default: env {@code ROVER_DATABASE_URL},
     * else SQLite {@code rover.db} in the data directory): {@code postgres://user:password@host:5432/db},
     * {@code jdbc:postgresql://...} or {@code jdbc:sqlite:...}.
     */
    public RoverBuilder databaseUrl(String v) { databaseUrl = v; return this; }

    /**
     * How long an active run's lease lasts without a heartbeat, so how soon another process recovers the
     * run of a crashed one (default: env {@code ROVER_RUN_LEASE_SECONDS}, else 30 s; 1 s to 1 day).
     */
    public RoverBuilder runLease(Duration v) { runLease = v; return this; }

    /** The engine for tasks and blocks that name none ({@code offline}, {@code llm}, or one registered here). */
    public RoverBuilder defaultEngine(String v) { defaultEngine = v; return this; }

    /** A language model provider; the LLM engine becomes the default engine. */
    public RoverBuilder llm(LlmConfig v) { llm = v; return this; }

    /**
     * Configures a computer-use engine ({@code anthropic_cua}, {@code openai_cua} or {@code ui_tars}) in code;
     * otherwise each is read from its environment variables, and unconfigured ones refuse runs naming them.
     */
    public RoverBuilder computerUse(CuaSettings v) { computerUse.put(v.kind(), v); return this; }

    /** Registers another engine by name (a custom or a test engine). */
    public RoverBuilder engine(String name, Supplier<Engine> factory) { extraEngines.put(name, factory); return this; }

    /** Options of every run's browser (headless, viewport, locale, executable...). */
    public RoverBuilder browserOptions(BrowserOptions v) { browserOptions = v; return this; }

    /**
     * Lets runs open {@code file:} URLs (task URL, goto_url, navigation URL, the engine's goto_url). Off by
     * default: only http and https are opened, so a task or a model cannot read local files.
     */
    public RoverBuilder allowFileUrls(boolean v) { allowFileUrls = v; return this; }

    /**
     * When runs record and keep a Playwright trace (default: env {@code ROVER_TRACE}, else the browser
     * options' mode, {@code on-failure}: kept only for runs that do not complete); a workflow's
     * {@code trace} setting overrides it for its runs.
     */
    public RoverBuilder trace(TraceMode v) { trace = java.util.Objects.requireNonNull(v, "trace"); return this; }

    /** How pages are observed (prompt size budget...). */
    public RoverBuilder observeOptions(ObserveOptions v) { observeOptions = v; return this; }

    /** How many runs execute at once; further runs wait in {@code queued}. */
    public RoverBuilder concurrency(int v) {
        if (v < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + v);
        }
        concurrency = v;
        return this;
    }

    /** Hears every saved change of every run (progress display). */
    public RoverBuilder listener(RunListener v) { listener = v; return this; }

    /** The key webhooks are signed with (default: {@code ROVER_WEBHOOK_SECRET}, else a generated key in the data directory). */
    public RoverBuilder webhookKey(String v) { webhookKey = WebhookSigningKey.of(v); return this; }

    /** The first webhook retry delay (1 s by default, doubling). */
    public RoverBuilder webhookBackoff(Duration v) { webhookBackoff = v; return this; }

    /** A per-run budget of tokens and cost; a run that exceeds it fails with the reason. */
    public RoverBuilder budget(RunBudget v) { budget = v; return this; }

    /**
     * The proxy ({@code http://host:port}) for runs that set {@code proxy_location} (default: env
     * {@code ROVER_PROXY}); without one such runs are refused.
     */
    public RoverBuilder proxy(String v) { proxy = v; return this; }

    /**
     * What runs that ask for a {@code proxy_location} do when no proxy is configured: refuse (default,
     * {@link ProxyPolicy#REQUIRE}) or run direct with a warning on the run ({@link ProxyPolicy#DIRECT}).
     */
    public RoverBuilder proxyPolicy(ProxyPolicy v) { proxyPolicy = java.util.Objects.requireNonNull(v, "proxyPolicy"); return this; }

    /** The vault's master key (default: {@code ROVER_MASTER_KEY}, else a generated key file in the data directory). */
    public RoverBuilder masterKey(MasterKey v) { masterKey = v; return this; }

    /**
     * Where credentials are kept (default: the encrypted vault in the data directory, keyed by
     * {@code masterKey}); give your own {@link CredentialStore} to keep them in a secrets manager.
     */
    public RoverBuilder credentials(CredentialStore v) { credentialStore = v; return this; }

    /** The clock runs are timed with. */
    public RoverBuilder clock(Clock v) { clock = v; return this; }

    /** The environment read for defaults (LLM provider, keys); the process environment unless set. */
    public RoverBuilder environment(Map<String, String> v) { environment = Map.copyOf(v); return this; }

    /** Opens the stores and starts the executor. */
    public Rover build() {
        EnvironmentVariables env = EnvironmentVariables.of(environment);
        RoverHome home = dataDirectory != null ? RoverHome.at(dataDirectory) : RoverHome.fromEnvironment(env);
        LlmConfig config = llm != null ? llm : LlmConfig.isConfigured(environment) ? LlmConfig.fromEnvironment(environment) : null;
        EngineRegistry engines = engines(config);
        String engine = defaultEngine != null ? defaultEngine : config != null ? LlmEngine.NAME : OFFLINE;
        if (!engines.knows(engine)) {
            throw new IllegalArgumentException("unknown default engine '" + engine + "'; known engines: " + String.join(", ", engines.names()));
        }
        JdbcRunStore store = RunDatabase.open(home, databaseUrl, runLease, environment);
        RunStore runs = new NotifyingRunStore(store, listener);
        BrowserSessions sessions = new BrowserSessions();
        CredentialStore vault = credentialStore != null ? credentialStore
                : masterKey != null ? new CredentialVault(home.credentials(), masterKey, clock)
                : new CredentialVault(home.credentials(), env);
        WebhookSender.Builder webhooks = WebhookSender.builder(webhookKey != null ? webhookKey : WebhookSigningKey.resolve(home.root(), env))
                .clock(clock);
        if (webhookBackoff != null) {
            webhooks.baseBackoff(webhookBackoff);
        }
        RunCoordinator executor = RunCoordinator.builder(runs).clock(clock).maxConcurrentRuns(concurrency)
                .webhooks(webhooks.build()).build();
        RoverServices services = new RoverServices(runs, new FileArtifactStore(home, clock), new RunFolders(home), vault, executor, sessions,
                new BrowserProfiles(home.profiles()), engines, engine,
                withTrace(withChromium(allowFileUrls ? browserOptions.toBuilder().allowFileUrls(true).build() : browserOptions, env), env),
                observeOptions,
                budget != null ? budget : config != null ? config.budget() : RunBudget.UNLIMITED,
                proxy != null ? proxy : env.get("ROVER_PROXY").orElse(null), proxyPolicy == ProxyPolicy.DIRECT,
                new TotpMailbox(clock, TotpMailbox.DEFAULT_MAX_AGE), new TotpUrlClient(java.net.http.HttpClient.newHttpClient()), clock, env,
                store.scripts(), store.workflows(), home);
        return new Rover(services, home, store.workflows(), store.scripts(), () -> {
            try {
                executor.close();
            } finally {
                try {
                    sessions.close();
                } finally {
                    store.close();
                }
            }
        });
    }

    /** The options with the builder's trace mode, else {@code ROVER_TRACE}'s, else their own. */
    private BrowserOptions withTrace(BrowserOptions options, EnvironmentVariables env) {
        if (trace != null) {
            return options.toBuilder().trace(trace).build();
        }
        return env.get("ROVER_TRACE").filter(v -> !v.isBlank())
                .map(v -> options.toBuilder().trace(TraceMode.require(v, "ROVER_TRACE")).build()).orElse(options);
    }

    /** The options with the Chromium these variables point at ({@code ROVER_CHROMIUM}, else a system one), unless one was set. */
    private static BrowserOptions withChromium(BrowserOptions options, EnvironmentVariables env) {
        if (options.executablePath().isPresent()) {
            return options;
        }
        return new ChromiumLocator(env.asMap(), System.getProperties(), ChromiumLocator.DEFAULT_LOCATION).locate()
                .map(path -> options.toBuilder().executable(path).build()).orElse(options);
    }

    private EngineRegistry engines(LlmConfig config) {
        EngineRegistry registry = config != null ? EngineRegistry.defaults(config) : new EngineRegistry();
        registry.register(OFFLINE, OfflineEngine::new);
        if (config == null) {
            registry.register(LlmEngine.NAME, () -> {
                throw new IllegalArgumentException("no LLM provider is configured: set ROVER_LLM_PROVIDER and ROVER_LLM_MODEL "
                        + "(and OPENAI_API_KEY or ANTHROPIC_API_KEY), or build Rover with .llm(LlmConfig...)");
            });
            // Skyvern's engine names run on the offline engine until a provider is configured.
            EngineRegistry.SKYVERN_ALIASES.forEach(alias -> registry.alias(alias, OFFLINE));
        }
        ComputerUseEngines.register(registry, environment, computerUse);
        extraEngines.forEach(registry::register);
        return registry;
    }
}
