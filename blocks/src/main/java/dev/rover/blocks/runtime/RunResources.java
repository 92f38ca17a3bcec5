package dev.rover.blocks.runtime;

import dev.rover.core.engine.UsageMeter;
import dev.rover.browser.run.RunBrowserLease;
import dev.rover.core.exec.CancellationToken;
import dev.rover.core.run.RunId;
import dev.rover.core.secret.SecretScope;

/**
 * What one run holds while it runs and gives back when it ends: its secret scope, artifact sink,
 * engines (and the usage meter they share) and browser. Closing releases all of them (the browser without a recording).
 */
record RunResources(RunId runId, SecretScope scope, ScopeSecrets secrets, StoreArtifacts artifacts, RunEngines engines,
                    RunBrowserLease browser, int maxScreenshotScrolls, UsageMeter meter, CancellationToken codeWaits)
        implements AutoCloseable {

    @Override
    public void close() {
        codeWaits.cancel();
        try {
            engines.close();
        } finally {
            try {
                browser.close();
            } finally {
                scope.close();
            }
        }
    }
}
