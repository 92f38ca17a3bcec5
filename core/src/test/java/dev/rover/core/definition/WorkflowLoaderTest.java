package dev.rover.core.definition;

import dev.rover.core.definition.Parameter.ValueType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Loading well-formed definitions into the model, and the loader's whole-file behaviour. */
class WorkflowLoaderTest {

    private final WorkflowLoader loader = new WorkflowLoader();

    private Workflow fixture(String name) {
        try {
            return loader.load(Path.of(getClass().getResource("/definitions/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void loopsSecretsAndMultiLineStrings() {
        Workflow w = fixture("invoice-loop.yaml");

        assertThat(w.title()).isEqualTo("Statement Collector");
        assertThat(w.source()).endsWith("invoice-loop.yaml");
        assertThat(w.version()).isEqualTo(1);
        assertThat(w.settings().proxyLocation()).isEqualTo("RESIDENTIAL");
        assertThat(w.settings().webhookCallbackUrl()).isEmpty();
        assertThat(w.parameter("portal_login").orElseThrow()).isInstanceOfSatisfying(Parameter.WorkflowParameter.class, p -> {
            assertThat(p.valueType()).isEqualTo(ValueType.CREDENTIAL_ID);
            assertThat(p.defaultValue()).isEqualTo("cred-statements");
        });
        assertThat(w.parameter("mail_host").orElseThrow()).isInstanceOfSatisfying(Parameter.SecretParameter.class, p -> {
            assertThat(p.parameterType()).isEqualTo("aws_secret");
            assertThat(p.vendorKey()).isEqualTo("ROVER_MAIL_HOST");
            assertThat(p.fields()).containsEntry("aws_key", "ROVER_MAIL_HOST");
        });
        BlockDefinition signIn = w.block("sign_in").orElseThrow();
        assertThat(signIn.string("navigation_goal").orElseThrow())
                .isEqualTo("Sign in with the stored login.\nDismiss the cookie banner first.\nCOMPLETE when the statements menu is visible.\n");
        assertThat(signIn.map("error_code_mapping")).containsEntry("BAD_LOGIN", "The portal says the password is wrong");
        assertThat(signIn.field("max_retries")).contains(0L);
        assertThat(signIn.list("parameter_keys")).containsExactly("portal_login");
        assertThat(signIn.position()).isEqualTo(new SourcePosition(w.source(), 28, 7));
        assertThat(signIn.positionOf("url")).isEqualTo(new SourcePosition(w.source(), 30, 12));

        BlockDefinition loop = w.block("each_statement").orElseThrow();
        assertThat(loop.continueOnFailure()).isTrue();
        assertThat(loop.nextLoopOnFailure()).isTrue();
        assertThat(loop.bool("complete_if_empty", false)).isTrue();
        assertThat(loop.fields()).doesNotContainKey("loop_blocks").doesNotContainKey("continue_on_failure");
        assertThat(loop.loopBlocks()).extracting(BlockDefinition::blockType).containsExactly("file_download", "file_url_parser");
        assertThat(w.allBlocks()).extracting(BlockDefinition::label).containsExactly(
                "sign_in", "list_statements", "each_statement", "fetch_pdf", "read_pdf", "archive", "mail_digest");
        assertThat(w.parameter("read_pdf_output")).containsInstanceOf(Parameter.OutputParameter.class);

        Map<String, Object> schema = w.block("list_statements").orElseThrow().map("data_schema");
        assertThat(schema).containsKey("statements");
        assertThat(w.block("mail_digest").orElseThrow().list("file_attachments")).containsExactly("SKYVERN_DOWNLOAD_DIRECTORY");
    }

    @Test
    void legacyVaultContextAndNestedLoops() {
        Workflow w = fixture("vault-context.yaml");

        assertThat(w.version()).as("inferred").isEqualTo(1);
        assertThat(w.description()).isEqualTo("Sign in through a vault login, find qualifying orders and fetch every receipt.");
        assertThat(w.parameter("shop_login").orElseThrow()).isInstanceOfSatisfying(Parameter.SecretParameter.class,
                p -> assertThat(p.parameterType()).isEqualTo("bitwarden_login_credential"));
        assertThat(w.parameter("order_number").orElseThrow()).isInstanceOfSatisfying(Parameter.ContextParameter.class,
                p -> assertThat(p.sourceParameterKey()).isEqualTo("order_numbers"));
        assertThat(w.block("sign_in").orElseThrow().string("url")).contains("shop_url");
        BlockDefinition loop = w.block("each_order").orElseThrow();
        assertThat(loop.string("loop_over_parameter_key")).contains("order_numbers");
        BlockDefinition inner = loop.loopBlocks().get(1);
        assertThat(inner.blockType()).isEqualTo("for_loop");
        assertThat(inner.loopBlocks()).singleElement().satisfies(b -> {
            assertThat(b.label()).isEqualTo("pause_between_copies");
            assertThat(b.integer("wait_sec", -1)).isEqualTo(2);
        });
        assertThat(w.parameter("pause_between_copies_output")).isPresent();
        assertThat(loop.loopBlocks().get(0).bool("complete_on_download", false)).isTrue();
    }

    @Test
    void versionTwoGraphWithACycleAndBranches() {
        Workflow w = fixture("retry-graph.json");

        assertThat(w.version()).isEqualTo(2);
        assertThat(w.block("pause").orElseThrow().nextBlockLabel()).isEqualTo("if_ready");
        assertThat(w.block("read_export").orElseThrow().nextBlockLabel()).isNull();
        List<Object> branches = w.block("if_ready").orElseThrow().list("branch_conditions");
        assertThat(branches).hasSize(3);
        assertThat(branches.get(0)).isEqualTo(Map.of(
                "criteria", Map.of("criteria_type", "prompt", "expression", "The export shows a Download button."),
                "next_block_label", "read_export", "description", "ready", "is_default", false));
        assertThat(w.block("if_ready").orElseThrow().position()).isEqualTo(new SourcePosition(w.source(), 14, 7));
    }

    @Test
    void omittedVersionIsInferredFromNextBlockLabelAndJsonTabsAreAccepted() {
        Workflow w = fixture("inferred-graph.json");

        assertThat(w.version()).isEqualTo(2);
        assertThat(w.block("sign_in").orElseThrow().string("complete_criterion"))
                .contains("The dashboard is visible.\tNo login form.");
        assertThat(w.block("summary").orElseThrow().positionOf("data_extraction_goal"))
                .isEqualTo(new SourcePosition(w.source(), 11, 77));
    }

    @Test
    void settingsParameterTypesAndUnknownBlockTypes() {
        Workflow w = fixture("prompts-and-parsers.yaml");

        assertThat(w.settings().runWith()).isEqualTo(WorkflowSettings.RunWith.AGENT);
        assertThat(w.settings().maxElapsedTimeMinutes()).isEqualTo(90);
        assertThat(w.settings().aiFallback()).isFalse();
        assertThat(w.settings().cacheKey()).isEqualTo("{{ job_url }}");
        assertThat(w.settings().extraHttpHeaders()).containsEntry("X-Tenant", "acme");
        assertThat(w.settings().model()).containsEntry("model_name", "small");
        assertThat(w.workflowSystemPrompt()).isEqualTo("Answer briefly.");
        assertThat(w.finallyBlockLabel()).isEqualTo("notify");
        assertThat(w.errorCodeMapping()).containsEntry("FORM_CLOSED", "the application form is closed");

        assertThat(defaultOf(w, "max_answers")).isEqualTo(5L);
        assertThat(defaultOf(w, "quoted_limit")).isEqualTo(7L);
        assertThat(defaultOf(w, "temperature")).isEqualTo(1.0);
        assertThat(defaultOf(w, "dry_run")).isEqualTo(false);
        assertThat(defaultOf(w, "extra")).isEqualTo(Map.of("tags", List.of("a", "b"), "depth", 2.5));
        assertThat(w.parameter("resume").orElseThrow().description()).isEqualTo("The applicant's CV");
        assertThat(w.parameter("applicant").orElseThrow()).isInstanceOfSatisfying(Parameter.CredentialParameter.class,
                p -> assertThat(p.credentialId()).isEqualTo("cred_applicant"));
        assertThat(w.parameters().stream().filter(p -> p.key().equals("read_cv_output")))
                .singleElement().satisfies(p -> assertThat(p.description()).isEqualTo("declared explicitly"));

        BlockDefinition unknown = w.block("snap").orElseThrow();
        assertThat(unknown.blockType()).isEqualTo("screenshot_everything");
        assertThat(unknown.fields()).containsExactly(Map.entry("resolution", 1080L), Map.entry("ratio", 0.5),
                Map.entry("crop", true));
        assertThat(w.block("draft_answers").orElseThrow().string("prompt").orElseThrow())
                .startsWith("CV: {{ read_cv_output }}\n\nWrite at most");
    }

    private static Object defaultOf(Workflow w, String key) {
        return ((Parameter.WorkflowParameter) w.parameter(key).orElseThrow()).defaultValue();
    }

    @Test
    void collectsEveryProblemInFileOrder() {
        String yaml = """
                workflow_definition:
                  version: 9
                  blocks:
                    - block_type: wait
                      label: bad-label
                      wait_sec: 0
                """;
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> loader.load(yaml, "many.yaml"));

        assertThat(e.problems()).extracting(DefinitionProblem::toString).containsExactly(
                "many.yaml:1:1: title: required field 'title' is missing; expected string",
                "many.yaml:2:12: workflow_definition.version: version must be 1 (blocks run in order) or 2 (next_block_label graph), found 9",
                "many.yaml:5:14: workflow_definition.blocks[0].label: label 'bad-label' is not an identifier; use letters, digits and underscores, not starting with a digit",
                "many.yaml:6:17: workflow_definition.blocks[0].wait_sec: wait_sec must be greater than 0 and at most 1800, found 0");
        assertThat(e.getMessage()).startsWith("4 problems in workflow definition:\nmany.yaml:1:1: title:");
    }

    @Test
    void jsonEscapedSlashesLoadAndLaterColumnsStayExact() {
        String json = "{\"title\": \"a\\/b\\/c\", \"workflow_definition\": {\"blocks\": [{\"block_type\": \"wait\", \"label\": \"w\", \"wait_sec\": 0}]}}";
        int column = json.indexOf("0}") + 1;

        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> loader.load(json, "slash.json"));
        assertThat(e.problems()).singleElement().satisfies(p ->
                assertThat(p.position()).isEqualTo(new SourcePosition("slash.json", 1, column)));

        Workflow w = loader.load(json.replace("\"wait_sec\": 0", "\"wait_sec\": 1"), "slash.json");
        assertThat(w.title()).isEqualTo("a/b/c");
    }

    @Test
    void traceSettingIsReadAndAWrongOneNamesTheAllowedValues() {
        String yaml = "title: T\ntrace: %s\nworkflow_definition:\n  blocks:\n    - {block_type: wait, label: w, wait_sec: 1}\n";

        assertThat(loader.load(yaml.formatted("always"), "t.yaml").settings().trace()).isEqualTo(dev.rover.core.page.TraceMode.ALWAYS);
        assertThat(loader.load(yaml.formatted("on_failure"), "t.yaml").settings().trace()).isEqualTo(dev.rover.core.page.TraceMode.ON_FAILURE);
        assertThat(loader.load(yaml.replace("trace: %s\n", ""), "t.yaml").settings().trace()).isNull();
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> loader.load(yaml.formatted("sometimes"), "t.yaml"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.toString()).contains("unknown trace 'sometimes'").contains("on-failure, always, off");
            assertThat(p.position().line()).isEqualTo(2);
        });
    }

    @Test
    void byteOrderMarkAndWindowsLineEndingsAreAccepted() {
        Workflow w = loader.load("\uFEFFtitle: T\r\nworkflow_definition:\r\n  blocks:\r\n    - {block_type: wait, label: w, wait_sec: 2}\r\n", "crlf.yaml");

        assertThat(w.title()).isEqualTo("T");
        assertThat(w.blocks().get(0).positionOf("wait_sec")).isEqualTo(new SourcePosition("crlf.yaml", 4, 46));
    }

    @Test
    void anchorsAndMergeKeysShareFieldsAndExplicitKeysWin() {
        Workflow w = loader.load("""
                title: Shared settings
                x_defaults: &nav {block_type: navigation, max_retries: 2, engine: skyvern-1.0}
                workflow_definition:
                  blocks:
                    - <<: *nav
                      label: first
                      navigation_goal: Open the first page.
                    - <<: *nav
                      label: second
                      max_retries: 0
                      navigation_goal: Open the second page.
                """, "merge.yaml");

        assertThat(w.blocks()).extracting(BlockDefinition::blockType).containsExactly("navigation", "navigation");
        assertThat(w.block("first").orElseThrow().field("max_retries")).contains(2L);
        assertThat(w.block("second").orElseThrow().field("max_retries")).contains(0L);
        assertThat(w.block("second").orElseThrow().fields()).doesNotContainKey("<<");
    }

    @Test
    void refusesDocumentsOverTheCodePointLimit() {
        String yaml = "title: " + "x".repeat(500) + "\nworkflow_definition: {blocks: []}\n";
        DefinitionException e = catchThrowableOfType(DefinitionException.class,
                () -> new WorkflowLoader(100).load(yaml, "big.yaml"));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualTo(new SourcePosition("big.yaml", 1, 1));
            assertThat(p.path()).isEqualTo("(document)");
            assertThat(p.message()).contains("exceeds the limit: 100 code points");
        });
    }

    @Test
    void missingAndNonTextFilesAreClearIoErrors(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> loader.load(missing)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read workflow definition " + missing + ": no such file");
        assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("it is a directory");
        Path binary = Files.write(dir.resolve("binary.yaml"), new byte[] {(byte) 0xC3, (byte) 0x28, 0x0A});
        assertThatThrownBy(() -> loader.load(binary)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("it is not UTF-8 text");
    }

    @Test
    void fileProblemsNameTheFileAsGiven(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("flow.yaml"), "title: T\nworkflow_definition:\n  blocks: 3\n");
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> loader.load(file));

        assertThat(e.getMessage()).contains(file + ":3:11: workflow_definition.blocks: expected list, found integer '3'");
    }
}
