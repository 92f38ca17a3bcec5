package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.RunListener;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/**
 * The {@code --data-dir} option shared by every command that reads or writes runs and credentials,
 * and the one place those commands open a {@link Rover} from.
 */
public final class DataDirOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where runs, artifacts and credentials live (default: $ROVER_HOME, else ~/.rover).")
    Path dataDir;

    /** The setup of the command line this option belongs to. */
    RoverSetup setup() {
        Object root = mixee.root().userObject();
        return root instanceof RoverCli cli ? cli.setup() : RoverSetup.fromProcess();
    }

    /** Opens Rover on the chosen data directory without listening to runs. */
    Rover open() {
        return open(RunListener.NONE);
    }

    /** Opens Rover on the chosen data directory; {@code listener} hears the runs' progress. */
    Rover open(RunListener listener) {
        return open(listener, false);
    }

    /** Opens Rover on the chosen data directory; its runs may open file: URLs when {@code allowFileUrls}. */
    Rover open(RunListener listener, boolean allowFileUrls) {
        RoverSetup setup = setup();
        return setup.open(setup.dataDirectory(dataDir), listener, allowFileUrls);
    }

    /** Opens Rover with the command's own builder settings applied. */
    Rover open(RunListener listener, java.util.function.UnaryOperator<dev.rover.RoverBuilder> commandSettings) {
        RoverSetup setup = setup();
        return setup.open(setup.dataDirectory(dataDir), listener, commandSettings);
    }

    /** Opens Rover on the chosen data directory with the command's own builder settings. */
    Rover open(java.util.function.UnaryOperator<dev.rover.RoverBuilder> settings) {
        RoverSetup setup = setup();
        return setup.open(setup.dataDirectory(dataDir), RunListener.NONE, settings);
    }
}
