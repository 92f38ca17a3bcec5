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
 * {@code rover credentials add NAME}: stores a login, or with {@code --secret-env} one secret value (what
 * a workflow's {@code aws_secret} or Bitwarden parameter names). The password, TOTP secret and secret value are read from
 * environment variables named on the command line, so they never appear in shell history or {@code ps}.
 */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Store a login (username, password, optional TOTP secret), or one secret value with --secret-env, and print its id.",
                "Secret values are read from the named environment variables, never from the command line."})
public final class CredentialsAddCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Parameters(index = "0", paramLabel = "NAME", description = "A unique name, used by workflows' credential parameters.")
    String name;

    @Option(names = "--username", paramLabel = "U", description = "The login's username.")
    String username;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Environment variable holding the password.")
    String passwordEnv;

    @Option(names = "--totp-secret-env", paramLabel = "VAR",
            description = "Environment variable holding the base32 TOTP secret.")
    String totpSecretEnv;

    @Option(names = "--secret-env", paramLabel = "VAR",
            description = {"Environment variable holding one secret value (instead of a login): what aws_secret, bitwarden_*,",
                    "onepassword and azure parameters read when NAME is their aws_key or item name."})
    String secretEnv;

    @Option(names = "--origin", paramLabel = "URL",
            description = {"An origin the login may be typed on and submitted to, such as https://app.example.com (repeatable).",
                    "Without one, the login is bound to the origin of the first page a run types it on."})
    List<String> origins = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> bound = Origins.parseAll(origins);
        RoverSetup setup = data.setup();
        if (secretEnv != null) {
            if (username != null || passwordEnv != null || totpSecretEnv != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--secret-env stores one secret value; it cannot be combined with --username, --password-env or --totp-secret-env");
            }
            String value = required(setup, secretEnv, "--secret-env");
            try (Rover rover = data.open()) {
                Credential credential = rover.credentials().addSecret(name, value, bound);
                spec.commandLine().getOut().println(credential.id());
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
        if (username == null || passwordEnv == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "a login needs --username and --password-env (or store one secret value with --secret-env VAR)");
        }
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
