package dev.rover.samples.e2e;

import dev.rover.Rover;
import dev.rover.WorkflowRunOptions;
import dev.rover.core.run.Run;
import dev.rover.core.secret.Credential;
import dev.rover.samples.demo.DemoAccount;
import dev.rover.samples.demo.DemoSite;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One demo portal and one Rover (offline engine, two concurrent runs, its own data directory) for
 * a test class, with the demo login stored as a credential, so each test only runs a sample workflow.
 */
final class OfflinePortal implements AutoCloseable {

    /** Where the sample workflows live, relative to the samples module (the tests' working directory). */
    static final Path WORKFLOWS = Path.of("workflows");

    private final DemoAccount account = DemoAccount.standard();
    private final DemoSite site;
    private final Rover rover;
    private final Credential credential;

    private OfflinePortal(DemoSite site, Rover rover) {
        this.site = site;
        this.rover = rover;
        this.credential = rover.credentials().addPassword("demo-portal", account.username(), account.password(), account.totpSecret());
    }

    /** Starts the portal and a Rover whose data lives in {@code dataDirectory}, keeping every run's trace (checked for secrets). */
    static OfflinePortal start(Path dataDirectory) throws IOException {
        DemoSite site = DemoSite.start(DemoAccount.standard());
        try {
            return new OfflinePortal(site, Rover.builder().dataDirectory(dataDirectory).defaultEngine("offline").concurrency(2)
                    .trace(dev.rover.core.page.TraceMode.ALWAYS).build());
        } catch (RuntimeException e) {
            site.close();
            throw e;
        }
    }

    DemoSite site() {
        return site;
    }

    Rover rover() {
        return rover;
    }

    DemoAccount account() {
        return account;
    }

    /** Runs a sample workflow file to its end with the portal URL, the stored credential and these extra values. */
    Run runSample(String file, Map<String, Object> extra) {
        Map<String, Object> parameters = new HashMap<>(extra);
        parameters.put("portal_url", site.url());
        parameters.put("credentials", credential.id());
        return rover.runWorkflow(WORKFLOWS.resolve(file), parameters,
                WorkflowRunOptions.builder().waitForCompletion(true).timeout(Duration.ofMinutes(4)).build());
    }

    @Override
    public void close() {
        try {
            rover.close();
        } finally {
            site.close();
        }
    }
}
