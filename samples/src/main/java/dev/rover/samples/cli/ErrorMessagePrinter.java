package dev.rover.samples.cli;

import dev.rover.core.text.PrintableText;
import dev.rover.core.error.InvalidRequestException;
import dev.rover.core.secret.CredentialVaultException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.UncheckedIOException;

/**
 * Turns an exception escaping a command into one readable line on stderr instead of a stack trace;
 * the trace goes to the debug log for whoever needs it. Control characters in the message (from a label,
 * an id or a file name) are shown escaped. A wrong master key is a usage error like a bad argument.
 */
final class ErrorMessagePrinter implements IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMessagePrinter.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        LOG.debug("Command '{}' failed", commandLine.getCommandName(), e);
        if (CancelOnSignal.isStopping()) {
            return CommandLine.ExitCode.SOFTWARE; // Rover was closed by the stop signal; the JVM is exiting
        }
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        commandLine.getErr().println(commandLine.getCommandSpec().root().name() + ": " + PrintableText.of(message));
        commandLine.getErr().flush();
        // definition errors, runs that cannot run here and unknown runs are all InvalidRequestExceptions
        boolean userError = e instanceof InvalidRequestException || e instanceof UncheckedIOException
                || e instanceof IllegalArgumentException || e instanceof CredentialVaultException;
        return userError ? RoverCli.EXIT_USER_ERROR : CommandLine.ExitCode.SOFTWARE;
    }
}
