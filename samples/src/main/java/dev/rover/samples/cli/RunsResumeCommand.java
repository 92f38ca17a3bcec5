package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.core.error.RoverStateException;
import dev.rover.core.run.HumanDecision;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/**
 * {@code rover runs resume ID [--reject] [--comment TEXT]}: answers a run paused in a
 * {@code human_interaction} block, also one another {@code rover} process executes on the same database,
 * and waits until the run has taken the answer (it leaves {@code paused}). When the process that paused the run
 * stopped, this one takes the run over and waits until it ends.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Approve (or with --reject, reject) a run paused in a human_interaction block, also one another"
                + " process runs, and wait until it has left paused.",
                "Exit status: 0 when the run took the answer, 1 when it is still paused after --timeout,"
                        + " 2 when it is not paused."})
public final class RunsResumeCommand extends SingleRunCommand {

    @Option(names = "--reject", description = "Reject instead of approve: the run ends terminated.")
    boolean reject;

    @Option(names = "--comment", paramLabel = "TEXT", description = "A comment the block's output keeps.")
    String comment;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for the run to take the answer (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    int print(Rover rover, Run run, PrintWriter out, PrintWriter err) {
        long deadline = deadline(timeoutSeconds);
        if (run.status() != RunStatus.PAUSED) {
            err.println("run " + runId + " is " + run.status().wireName()
                    + ", not paused: only a run waiting in a human_interaction block can be resumed");
            return RoverCli.EXIT_USER_ERROR;
        }
        HumanDecision decision = new HumanDecision(!reject, comment);
        Run now;
        try {
            now = rover.resumeRun(runId, decision);
        } catch (RoverStateException e) {
            err.println(e.getMessage());
            return RoverCli.EXIT_USER_ERROR;
        }
        if (rover.isRunningHere(runId)) {
            // the process that paused it stopped: it goes on here, so this command stays until it ends
            err.println("the process that paused run " + runId + " stopped; continuing the run here in a new browser"
                    + " session; waiting until it ends");
            now = pollUntil(now, () -> RunsCommand.find(rover, runId), r -> r.status().isTerminal(), Long.MAX_VALUE);
        } else {
            now = pollUntil(now, () -> RunsCommand.find(rover, runId), r -> r.status() != RunStatus.PAUSED, deadline);
        }
        if (now.status() == RunStatus.PAUSED) {
            err.println("recorded the answer for run " + runId + ", but it is still paused after " + timeoutSeconds
                    + " s; the process running it may be gone: once its lease lapses, run this command again to"
                    + " continue the run in this process");
            return RunSummary.EXIT_NOT_COMPLETED;
        }
        out.println("run:      " + runId);
        out.println("decision: " + decision.wireName() + (decision.comment() == null ? "" : " (" + decision.comment() + ")"));
        out.println("status:   " + now.status().wireName());
        return 0;
    }

}
