package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.core.secret.Credential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code rover credentials list}: ids, names, kinds and bound origins of stored credentials, never their values. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List stored credentials (never their values).")
public final class CredentialsListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Rover rover = data.open()) {
            List<Credential> credentials = rover.credentials().list();
            if (credentials.isEmpty()) {
                out.println("no credentials in " + rover.dataDirectory());
            } else {
                out.printf(Locale.ROOT, "%-32s %-24s %-10s %-20s %s%n", "ID", "NAME", "KIND", "CREATED", "ORIGINS");
                for (Credential c : credentials) {
                    out.printf(Locale.ROOT, "%-32s %-24s %-10s %-20s %s%n", c.id(), c.name(), c.kind().wireName(),
                            DateTimeFormatter.ISO_INSTANT.format(c.createdAt().truncatedTo(ChronoUnit.SECONDS)),
                            c.origins().isEmpty() ? "(bound on first use)" : String.join(",", c.origins()));
                }
            }
            out.flush();
            return 0;
        }
    }
}
