package dev.rover.blocks.runtime;

import dev.rover.llm.usage.UsageMeter;
import dev.rover.blocks.browser.RunBrowserLease;
import dev.rover.core.exec.CancellationToken;
import dev.rover.core.run.RunId;
import dev.rover.core.secret.SecretScope;

/**
 * What one run holds while it runs and gives back when it ends: its secret scope, artifact sink,
 * engines (and the usage meter they share), browser and the guard keeping its credentials on their origins. Closing releases all of them (the browser without a recording).
 */
record RunResources(RunId runId, SecretScope scope, ScopeSecrets secrets, StoreArtifacts artifacts, RunEngines engines,
                    RunBrowserLease browser, int maxScreenshotScrolls, UsageMeter meter, CancellationToken codeWaits,
                    CredentialOriginGuard origins)
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
