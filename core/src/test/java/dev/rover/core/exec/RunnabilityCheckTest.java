package dev.rover.core.exec;

import dev.rover.core.definition.SourcePosition;
import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowLoader;
import dev.rover.core.definition.testblocks.TestGotoUrlBlock;
import dev.rover.core.definition.testblocks.TestWaitBlock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Finding what a loaded workflow needs that no implementation on the class path provides. */
class RunnabilityCheckTest {

    private static final String WORKFLOW = """
            title: Mixed
            workflow_definition:
              parameters:
                - {key: vault, parameter_type: hashicorp_vault, onepassword_item_id: abc}
                - {key: site, parameter_type: workflow, workflow_parameter_type: string}
              blocks:
                - block_type: goto_url
                  label: open
                  url: "{{ site }}"
                - block_type: for_loop
                  label: each
                  loop_variable_reference: "{{ open_output }}"
                  loop_blocks:
                    - {block_type: wait, label: pause, wait_sec: 1}
                    - {block_type: extraction, label: read, data_extraction_goal: read it}
            """;

    private final Workflow workflow = new WorkflowLoader().load(WORKFLOW, "mixed.yaml");

    @Test
    void serviceLoaderFindsTheRegisteredImplementations() {
        RunnabilityCheck check = RunnabilityCheck.fromServiceLoader();

        assertThat(check.supportedBlockTypes()).contains("goto_url", "wait").isSorted();
        List<RunnabilityCheck.Unsupported> unsupported = check.check(workflow);
        assertThat(unsupported).first().isEqualTo(new RunnabilityCheck.Unsupported("parameter", "vault", "hashicorp_vault",
                new SourcePosition("mixed.yaml", 4, 7), RunnabilityCheck.SUPPORTED_PARAMETER_TYPES));
        assertThat(unsupported).extracting(RunnabilityCheck.Unsupported::name).doesNotContain("open", "pause");
        assertThat(unsupported).filteredOn(u -> u.kind().equals("block"))
                .allSatisfy(u -> assertThat(check.supportedBlockTypes()).doesNotContain(u.type()).isEqualTo(u.supported()));
    }

    @Test
    void requireRunnableNamesEachLabelTypeAndTheSupportedTypes() {
        RunnabilityCheck check = new RunnabilityCheck(List.of(new TestWaitBlock(), new TestGotoUrlBlock()));
        NotRunnableException e = catchThrowableOfType(NotRunnableException.class, () -> check.requireRunnable(workflow));

        assertThat(e.unsupported()).hasSize(3);
        assertThat(e.getMessage()).isEqualTo("""
                workflow 'Mixed' cannot run:
                mixed.yaml:4:7: parameter 'vault' uses parameter_type 'hashicorp_vault', which Rover does not support yet (supported: workflow, output, context, credential, aws_secret, bitwarden_login_credential, bitwarden_sensitive_information, bitwarden_credit_card_data, onepassword, azure_secret, azure_vault_credential)
                mixed.yaml:10:7: block 'each' uses block_type 'for_loop', which Rover does not support yet (supported: goto_url, wait)
                mixed.yaml:15:11: block 'read' uses block_type 'extraction', which Rover does not support yet (supported: goto_url, wait)""");
    }

    @Test
    void anExplicitCollectionReplacesTheServiceLoader() {
        RunnabilityCheck check = new RunnabilityCheck(List.of(new TestWaitBlock()));

        assertThat(check.check(workflow)).extracting(RunnabilityCheck.Unsupported::name)
                .containsExactly("vault", "open", "each", "read");
        assertThat(new RunnabilityCheck(List.of()).check(workflow)).filteredOn(u -> u.kind().equals("block"))
                .allSatisfy(u -> assertThat(u.describe()).endsWith("(supported: none)"));
    }

    @Test
    void aWorkflowUsingOnlyImplementedTypesIsRunnable() {
        Workflow simple = new WorkflowLoader().load("""
                title: Simple
                workflow_definition:
                  blocks:
                    - {block_type: goto_url, label: open, url: "https://example.com"}
                    - {block_type: wait, label: pause, wait_sec: 3}
                """, "simple.yaml");

        RunnabilityCheck check = RunnabilityCheck.fromServiceLoader();
        assertThat(check.check(simple)).isEmpty();
        assertThatCode(() -> check.requireRunnable(simple)).doesNotThrowAnyException();
    }
}
