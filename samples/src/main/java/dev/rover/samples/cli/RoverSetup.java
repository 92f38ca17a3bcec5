package dev.rover.samples.cli;

import dev.rover.core.env.EnvironmentVariables;

import dev.rover.Rover;
import dev.rover.RoverBuilder;
import dev.rover.RunListener;
import dev.rover.core.store.RoverHome;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How the commands open a {@link Rover} and read the environment. The real command line uses the
 * process environment; tests give their own environment and register test engines through {@code customizer}.
 *
 * @param environment environment variables (secrets for {@code credentials add}, {@code ROVER_HOME}, LLM settings)
 * @param customizer  applied to every builder after the command's own settings
 */
public record RoverSetup(Map<String, String> environment, UnaryOperator<RoverBuilder> customizer) {

    public RoverSetup {
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        customizer = customizer == null ? UnaryOperator.identity() : customizer;
    }

    /** The process environment and Rover's defaults. */
    public static RoverSetup fromProcess() {
        return new RoverSetup(EnvironmentVariables.system().asMap(), UnaryOperator.identity());
    }

    /** The data directory: the given one, else {@code ROVER_HOME}, else {@code ~/.rover}. */
    public Path dataDirectory(Path explicit) {
        if (explicit != null) {
            return explicit.toAbsolutePath().normalize();
        }
        return RoverHome.resolve(environment::get, System::getProperty, Path.of(System.getProperty("user.home"))).root();
    }

    /** An environment variable's value, when set and not blank. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }

    /** Opens Rover on this data directory; progress goes to {@code listener}. */
    public Rover open(Path dataDirectory, RunListener listener) {
        return open(dataDirectory, listener, UnaryOperator.identity());
    }

    /** Opens Rover on this data directory with the command's own settings ({@code settings}) before the customizer's. */
    public Rover open(Path dataDirectory, RunListener listener, UnaryOperator<RoverBuilder> settings) {
        RoverBuilder builder = Rover.builder().dataDirectory(dataDirectory).environment(environment).listener(listener);
        return customizer.apply(settings.apply(builder)).build();
    }
}
