package dev.rover;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.definition.Parameter;
import dev.rover.core.definition.Workflow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 10 item 5: a task takes stored credentials as Skyvern's login task does, as credential parameters it can read. */
class TaskCredentialsTest {

    @Test
    void eachCredentialBecomesACredentialParameterNamedInTheBlocksParameterKeys() {
        Workflow workflow = TaskWorkflows.of(TaskRequest.builder("Log in and download the latest invoice")
                .url("http://127.0.0.1/login").credentials("shop").credentials(List.of("cred_01abc")).build());

        assertThat(workflow.parameters()).filteredOn(p -> p instanceof Parameter.CredentialParameter)
                .extracting(p -> ((Parameter.CredentialParameter) p).key() + "=" + ((Parameter.CredentialParameter) p).credentialId())
                .containsExactly("credential=shop", "credential_2=cred_01abc");
        BlockDefinition block = workflow.blocks().get(0);
        assertThat(block.list("parameter_keys")).containsExactly("credential", "credential_2");
    }

    @Test
    void aTaskWithoutCredentialsHasNoParameterKeys() {
        Workflow workflow = TaskWorkflows.of(TaskRequest.builder("Read the heading").build());
        assertThat(workflow.parameters()).noneMatch(p -> p instanceof Parameter.CredentialParameter);
        assertThat(workflow.blocks().get(0).list("parameter_keys")).isEmpty();
    }

    @Test
    void blankOrRepeatedCredentialsAreRefused() {
        assertThatThrownBy(() -> TaskRequest.builder("Log in").credentials(" ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a task credential must be a vault id (cred_...) or name, not blank");
        assertThatThrownBy(() -> TaskRequest.builder("Log in").credentials("shop", "shop").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task credentials [shop, shop] name one credential more than once");
    }
}
