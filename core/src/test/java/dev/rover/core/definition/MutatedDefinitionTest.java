package dev.rover.core.definition;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Damages valid fixtures line by line (dropping a line, cutting it in half, swapping its value for
 * a list) and checks the loader always answers with a workflow or positioned problems, never with
 * an unexpected exception (which it would report as "could not be read").
 */
class MutatedDefinitionTest {

    @ParameterizedTest
    @ValueSource(strings = {"invoice-loop.yaml", "vault-context.yaml", "retry-graph.json", "inferred-graph.json",
            "prompts-and-parsers.yaml"})
    void everyMutationLoadsOrFailsWithPositionedProblems(String fixture) throws IOException {
        String original;
        try (InputStream in = getClass().getResourceAsStream("/definitions/" + fixture)) {
            original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = original.lines().toList();
        int failures = 0;
        for (String mutant : mutants(lines)) {
            try {
                new WorkflowLoader().load(mutant, fixture);
            } catch (DefinitionException e) {
                failures++;
                assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                    assertThat(p.message()).doesNotStartWith("could not be read:");
                    assertThat(p.position().line()).isBetween(1, lines.size() + 1);
                    assertThat(p.position().column()).isPositive();
                });
            } catch (RuntimeException e) {
                fail("mutant of " + fixture + " threw " + e + "\n" + mutant);
            }
        }
        assertThat(failures).as("some mutations must be rejected").isPositive();
    }

    private static List<String> mutants(List<String> lines) {
        List<String> mutants = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<String> dropped = new ArrayList<>(lines);
            dropped.remove(i);
            mutants.add(String.join("\n", dropped));

            List<String> cut = new ArrayList<>(lines);
            cut.set(i, lines.get(i).substring(0, lines.get(i).length() / 2));
            mutants.add(String.join("\n", cut));

            String line = lines.get(i);
            int colon = line.indexOf(": ");
            if (colon > 0) {
                List<String> listed = new ArrayList<>(lines);
                listed.set(i, line.substring(0, colon) + ": [1, {a: 2}]" + (line.strip().endsWith(",") ? "," : ""));
                mutants.add(String.join("\n", listed));
            }
        }
        return mutants;
    }
}
