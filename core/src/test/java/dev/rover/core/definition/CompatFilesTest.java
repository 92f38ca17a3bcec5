package dev.rover.core.definition;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every real Skyvern file in shared/compat/skyvern loads (the compatibility promise of SKYVERN-SPEC). */
class CompatFilesTest {

    private static Path compatDir;
    private final WorkflowLoader loader = new WorkflowLoader();

    @BeforeAll
    static void locate() {
        for (Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/compat/skyvern");
            if (Files.isDirectory(candidate)) {
                compatDir = candidate;
                return;
            }
        }
        if (System.getenv("CI") != null) {
            fail("shared/compat/skyvern not found above " + System.getProperty("user.dir") + "; CI must provide it");
        }
    }

    private List<Path> compatFiles() throws IOException {
        assumeTrue(compatDir != null, "shared/compat/skyvern is not present above the working directory");
        try (Stream<Path> files = Files.list(compatDir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void everyCompatFileLoads() throws IOException {
        List<Path> files = compatFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        for (Path file : files) {
            Workflow workflow = loader.load(file);
            assertThat(workflow.title()).as(file.toString()).isNotBlank();
            assertThat(workflow.blocks()).as(file.toString()).isNotEmpty();
            for (BlockDefinition block : workflow.allBlocks()) {
                assertThat(workflow.parameter(block.outputKey())).as(file + " " + block.label()).isPresent();
            }
        }
    }

    @Test
    void conditionalRetryIsAVersionTwoGraphWithACycle() throws IOException {
        compatFiles();
        Workflow workflow = loader.load(compatDir.resolve("conditional-retry.json"));
        assertThat(workflow.version()).isEqualTo(2);
        assertThat(workflow.block("wait_then_retry").orElseThrow().nextBlockLabel()).isEqualTo("if_report_ready");
        assertThat(workflow.block("wait_then_retry").orElseThrow().field("wait_sec")).contains(15L);
        assertThat(workflow.block("if_report_ready").orElseThrow().list("branch_conditions")).hasSize(2);
    }

    @Test
    void legacyInvoiceDemoReadsVaultParametersAsSecrets() throws IOException {
        compatFiles();
        Workflow workflow = loader.load(compatDir.resolve("legacy-invoice-demo-fern.yaml"));
        assertThat(workflow.version()).isEqualTo(1);
        assertThat(workflow.parameter("credentials").orElseThrow())
                .isInstanceOfSatisfying(Parameter.SecretParameter.class, p -> {
                    assertThat(p.parameterType()).isEqualTo("bitwarden_login_credential");
                    assertThat(p.login()).isTrue();
                    assertThat(p.vendorKey()).as("SECRET is a redacted export, not a name").isEqualTo("credentials");
                });
        assertThat(workflow.parameter("smtp_host").orElseThrow())
                .isInstanceOfSatisfying(Parameter.SecretParameter.class,
                        p -> assertThat(p.vendorKey()).isEqualTo("SKYVERN_SMTP_HOST_AWS_SES"));
        assertThat(workflow.parameter("order_id").orElseThrow())
                .isInstanceOfSatisfying(Parameter.ContextParameter.class,
                        p -> assertThat(p.sourceParameterKey()).isEqualTo("order_ids"));
        BlockDefinition loop = workflow.block("iterate_over_order_ids").orElseThrow();
        assertThat(loop.string("loop_over_parameter_key")).contains("order_ids");
        assertThat(loop.loopBlocks()).extracting(BlockDefinition::label).containsExactly("download_invoice_for_order");
        assertThat(loop.fields()).doesNotContainKey("loop_blocks");
    }
}
