package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.core.secret.Credential;
import dev.rover.core.secret.Origins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rover credentials add NAME}: stores a login. The password and TOTP secret are read from
 * environment variables named on the command line, so they never appear in shell history or {@code ps}.
 */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Store a login (username, password, optional TOTP secret) and print its id.",
                "Secret values are read from the named environment variables, never from the command line."})
public final class CredentialsAddCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Parameters(index = "0", paramLabel = "NAME", description = "A unique name, used by workflows' credential parameters.")
    String name;

    @Option(names = "--username", required = true, paramLabel = "U", description = "The login's username.")
    String username;

    @Option(names = "--password-env", required = true, paramLabel = "VAR",
            description = "Environment variable holding the password.")
    String passwordEnv;

    @Option(names = "--totp-secret-env", paramLabel = "VAR",
            description = "Environment variable holding the base32 TOTP secret.")
    String totpSecretEnv;

    @Option(names = "--origin", paramLabel = "URL",
            description = {"An origin the login may be typed on and submitted to, such as https://app.example.com (repeatable).",
                    "Without one, the login is bound to the origin of the first page a run types it on."})
    List<String> origins = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> bound = Origins.parseAll(origins);
        RoverSetup setup = data.setup();
        String password = required(setup, passwordEnv, "--password-env");
        String totpSecret = totpSecretEnv == null ? null : required(setup, totpSecretEnv, "--totp-secret-env");
        try (Rover rover = data.open()) {
            Credential credential = rover.credentials().addPassword(name, username, password, totpSecret, bound);
            spec.commandLine().getOut().println(credential.id());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    private static String required(RoverSetup setup, String variable, String option) {
        return setup.variable(variable).orElseThrow(() -> new IllegalArgumentException(
                "environment variable " + variable + " (named by " + option + ") is not set or is empty"));
    }
}
