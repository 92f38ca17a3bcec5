package dev.rover.core.exec;

import dev.rover.core.definition.Parameter;
import dev.rover.core.definition.Parameter.ValueType;
import dev.rover.core.definition.SourcePosition;
import dev.rover.core.definition.Workflow;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import dev.rover.core.store.InMemoryRunStore;
import dev.rover.core.template.TemplateMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.rover.core.exec.TestWorkflows.block;
import static dev.rover.core.exec.TestWorkflows.param;
import static dev.rover.core.exec.TestWorkflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunCoordinatorParametersTest {

    private InMemoryRunStore store;
    private TestBlocks blocks;
    private RunCoordinator executor;

    @BeforeEach
    void setUp() {
        store = new InMemoryRunStore();
        blocks = new TestBlocks();
        executor = RunCoordinator.builder(store).blockTypes(blocks.all()).build();
    }

    @AfterEach
    void tearDown() {
        executor.close();
    }

    private static Workflow typed() {
        return workflow(1, List.of(
                        param("count", ValueType.INTEGER, null),
                        param("ratio", ValueType.FLOAT, 0.5),
                        param("flag", ValueType.BOOLEAN, false),
                        param("filters", ValueType.JSON, null),
                        param("name", ValueType.STRING, "anon"),
                        param("card", ValueType.CREDENTIAL_ID, "cred_123"),
                        new Parameter.CredentialParameter("login", null, "cred_login", SourcePosition.UNKNOWN)), null,
                block("echo", "show", "value", Map.of("count", "{{ count + 1 }}", "ratio", "{{ ratio }}",
                        "flag", "{{ flag }}", "filters", "{{ filters.status }}", "name", "{{ name }}",
                        "card", "{{ card }}", "login", "{{ login }}")));
    }

    @Test
    void valuesAreConvertedToTheirDeclaredTypesAndDefaultsApply() {
        Run run = executor.run(typed(), RunOptions.builder().parameter("count", "41").parameter("flag", "TRUE")
                .parameter("filters", "{\"status\": \"open\"}").build());

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.parameters()).containsEntry("count", 41L).containsEntry("ratio", 0.5)
                .containsEntry("flag", true).containsEntry("filters", Map.of("status", "open"))
                .containsEntry("name", "anon").containsEntry("card", "cred_123").containsEntry("login", "cred_login");
        assertThat(blocks.seenFields.get("show").get("value")).isEqualTo(Map.of("count", "42", "ratio", "0.5",
                "flag", "true", "filters", "open", "name", "anon", "card", "cred_123", "login", "cred_login"));
    }

    @Test
    void credentialReferencesResolveThroughTheRunsCredentialResolver() {
        CredentialResolver vault = (key, ref) -> Map.of("username", "placeholder_" + ref + "_username");
        Run run = executor.run(typed(), RunOptions.builder().parameter("count", 1).parameter("filters", "{}")
                .resources(RunServices.NONE, vault).build());

        assertThat(run.parameters()).containsEntry("card", Map.of("username", "placeholder_cred_123_username"))
                .containsEntry("login", Map.of("username", "placeholder_cred_login_username"));
        assertThat(blocks.seenFields.get("show").get("value")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("login", "{\"username\":\"placeholder_cred_login_username\"}");
    }

    @Test
    void anUnknownCredentialIsReportedWithItsParameterAndNothingIsSaved() {
        CredentialResolver vault = (key, ref) -> {
            throw new IllegalArgumentException("parameter '" + key + "' names credential '" + ref + "', which the vault does not have");
        };
        assertThatThrownBy(() -> executor.run(typed(), RunOptions.builder().parameter("count", 1).parameter("filters", "{}")
                .resources(RunServices.NONE, vault).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 'card' names credential 'cred_123', which the vault does not have")
                .hasMessageContaining("parameter 'login' names credential 'cred_login'");
        assertThat(store.list(10)).isEmpty();
    }

    @Test
    void conversionErrorsNameEachKeyAndNothingIsSaved() {
        assertThatThrownBy(() -> executor.run(typed(), RunOptions.builder().parameter("count", "many")
                .parameter("flag", "maybe").parameter("filters", "{oops").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 'count' is integer: cannot use 'many', which is not a whole number")
                .hasMessageContaining("parameter 'flag' is boolean: cannot use 'maybe'; use true or false")
                .hasMessageContaining("parameter 'filters' is json: cannot parse '{oops' as JSON");
        assertThat(store.list(10)).isEmpty();
    }

    @Test
    void aMissingRequiredParameterIsNamed() {
        assertThatThrownBy(() -> executor.run(typed(), RunOptions.builder().parameter("filters", "[]").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("workflow 'test workflow' cannot run: required parameter 'count' (integer) has no value and no default_value");
    }

    @Test
    void anUnknownKeyIsAnErrorNamingTheKnownKeys() {
        assertThatThrownBy(() -> executor.run(typed(), RunOptions.builder().parameter("count", 1)
                .parameter("filters", "{}").parameter("cuont", 2).build()))
                .hasMessageContaining("unknown parameter 'cuont'; the workflow's parameters are [count, ratio, flag, filters, name, card]");
    }

    @Test
    void aWholeNumberIsRequiredForIntegers() {
        assertThatThrownBy(() -> executor.run(typed(), RunOptions.builder().parameter("count", 1.5)
                .parameter("filters", "{}").build()))
                .hasMessageContaining("parameter 'count' is integer: cannot use '1.5', which is not a whole number");
    }

    @Test
    void anUnsupportedParameterTypeRefusesTheRun() {
        Workflow wf = workflow(1, List.of(new Parameter.UnsupportedParameter("secret", null, "hashicorp_vault", Map.of(),
                SourcePosition.UNKNOWN)), null, block("echo", "a"));

        assertThatThrownBy(() -> executor.run(wf, RunOptions.defaults()))
                .hasMessageContaining("parameter 'secret' has type 'hashicorp_vault', which Rover does not support");
    }

    @Test
    void aVendorSecretWithoutASecretStoreRefusesTheRunNamingIt() {
        Workflow wf = workflow(1, List.of(new Parameter.SecretParameter("smtp_host", null, "aws_secret", "SMTP_HOST",
                Map.of("aws_key", "SMTP_HOST"), SourcePosition.UNKNOWN)), null, block("echo", "a"));

        assertThatThrownBy(() -> executor.run(wf, RunOptions.defaults()))
                .hasMessageContaining("parameter 'smtp_host' (aws_secret) needs a secret store");
    }

    @Test
    void strictTemplatingFailsTheBlockNamingTheMissingVariable() {
        Workflow wf = workflow(1, List.of(param("start_date", ValueType.STRING, "2024-01-01")), null,
                block("echo", "filter", "value", "Filter {{ start_dat }}"));

        Run lax = executor.run(wf, RunOptions.defaults());
        Run strict = executor.run(wf, RunOptions.builder().templateMode(TemplateMode.STRICT).build());

        assertThat(lax.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(lax.output()).isEqualTo(Map.of("filter_output", "Filter "));
        assertThat(strict.status()).isEqualTo(RunStatus.FAILED);
        assertThat(strict.failureReason()).startsWith("block 'filter'")
                .contains("undefined variable 'start_dat' in template 'Filter {{ start_dat }}'");
    }

    @Test
    void theRunRecordsTheWebhookUrlAndTheDate() {
        Workflow wf = workflow(1, List.of(), null, block("echo", "today", "value", "{{ current_date }}"));

        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2024-05-06T10:00:00Z"), java.time.ZoneOffset.UTC);
        try (RunCoordinator fixed = RunCoordinator.builder(store).blockTypes(blocks.all()).clock(clock).build()) {
            Run run = fixed.run(wf, RunOptions.builder().webhookUrl("http://127.0.0.1:9/hook").build());

            assertThat(run.webhookUrl()).isEqualTo("http://127.0.0.1:9/hook");
            assertThat(run.output()).isEqualTo(Map.of("today_output", "2024-05-06"));
            assertThat(run.createdAt()).isEqualTo(clock.instant());
        }
    }
}
