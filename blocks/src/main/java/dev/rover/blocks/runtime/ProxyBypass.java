package dev.rover.blocks.runtime;

import dev.rover.core.exec.CredentialResolver;
import dev.rover.core.exec.RunResources;
import dev.rover.core.exec.RunServices;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunError;

import java.util.ArrayList;
import java.util.List;

/**
 * The resources of a run that asked for a proxy location but runs direct because this Rover was told to
 * ({@code --no-proxy}, {@code proxyPolicy(DIRECT)}): the run's record carries a {@code PROXY_NOT_USED}
 * entry among its errors, so whoever reads the run sees the proxy was skipped.
 */
final class ProxyBypass implements RunResources {

    /** The error code of the warning. */
    static final String CODE = "PROXY_NOT_USED";

    private final RunResources inner;
    private final String location;

    ProxyBypass(RunResources inner, String location) {
        this.inner = inner;
        this.location = location;
    }

    /** The warning text for a skipped location. */
    static String warning(String location) {
        return "proxy_location " + location + " was requested, but no proxy is configured and the run went direct "
                + "(--no-proxy / proxyPolicy(DIRECT)): sites saw this machine's address";
    }

    @Override
    public RunServices services() {
        return inner.services();
    }

    @Override
    public CredentialResolver credentials() {
        return inner.credentials();
    }

    @Override
    public Run complete(Run ending) {
        Run completed = inner.complete(ending);
        List<RunError> errors = new ArrayList<>(completed.errors());
        errors.add(new RunError(CODE, warning(location), null));
        return completed.toBuilder().errors(errors).build();
    }

    @Override
    public void onCancel() {
        inner.onCancel();
    }

    @Override
    public void close() {
        inner.close();
    }
}
