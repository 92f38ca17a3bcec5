package dev.rover.core.definition;

import java.util.ArrayList;
import java.util.List;

import static dev.rover.core.definition.FieldSpec.optional;
import static dev.rover.core.definition.FieldSpec.required;
import static dev.rover.core.definition.ValueKind.BOOLEAN;
import static dev.rover.core.definition.ValueKind.INTEGER;
import static dev.rover.core.definition.ValueKind.LIST;
import static dev.rover.core.definition.ValueKind.MAP;
import static dev.rover.core.definition.ValueKind.NUMBER;
import static dev.rover.core.definition.ValueKind.STRING;

/**
 * The field formats Skyvern documents for its block types (SKYVERN-SPEC.md): what a block type's
 * implementation declares by default ({@code BlockType.schema()}), and what the loader checks for a
 * Skyvern block type whose implementation is not on the class path, so a file using it is still
 * validated. A block type of Rover's or a third party's declares its own format instead.
 */
final class SkyvernBlockFormats {

    static final BlockSchemas ALL = BlockSchemas.of(standardSchemas());

    private SkyvernBlockFormats() {
    }

    private static List<BlockSchema> standardSchemas() {
        List<BlockSchema> all = new ArrayList<>();
        all.add(BlockSchema.of("goto_url", List.of(required("url", STRING))));
        all.add(BlockSchema.of("wait", List.of(required("wait_sec", INTEGER))));
        all.add(BlockSchema.of("navigation", agentFields(required("navigation_goal", STRING),
                optional("data_extraction_goal", STRING))));
        all.add(BlockSchema.of("action", agentFields(optional("navigation_goal", STRING),
                optional("selector", STRING), optional("ai_fallback", STRING, BOOLEAN))));
        all.add(BlockSchema.of("login", agentFields(optional("navigation_goal", STRING))));
        all.add(BlockSchema.of("extraction", List.of(required("data_extraction_goal", STRING),
                optional("data_schema", MAP, LIST, STRING), optional("url", STRING), optional("title", STRING),
                optional("engine", STRING), optional("max_retries", INTEGER), optional("max_steps_per_run", INTEGER),
                optional("parameter_keys", LIST), optional("disable_cache", BOOLEAN))));
        all.add(BlockSchema.of("task", agentFields(optional("navigation_goal", STRING),
                optional("data_extraction_goal", STRING), optional("data_schema", MAP, LIST, STRING))));
        all.add(BlockSchema.of("file_download", agentFields(optional("navigation_goal", STRING),
                optional("download_timeout", NUMBER), optional("download_target", STRING))));
        all.add(BlockSchema.of("for_loop", List.of(required("loop_blocks", LIST),
                optional("loop_over_parameter_key", STRING), optional("loop_variable_reference", STRING),
                optional("complete_if_empty", BOOLEAN))));
        all.add(BlockSchema.of("conditional", List.of(required("branch_conditions", LIST))));
        all.add(BlockSchema.of("text_prompt", List.of(required("prompt", STRING), optional("llm_key", STRING),
                optional("json_schema", MAP, LIST, STRING), optional("parameter_keys", LIST))));
        all.add(BlockSchema.of("validation", List.of(optional("complete_criterion", STRING),
                optional("terminate_criterion", STRING), optional("error_code_mapping", MAP),
                optional("parameter_keys", LIST), optional("disable_cache", BOOLEAN))));
        all.add(BlockSchema.of("code", List.of(required("code", STRING), optional("language", STRING),
                optional("parameter_keys", LIST))));
        all.add(BlockSchema.of("send_email", List.of(optional("smtp_host_secret_parameter_key", STRING),
                optional("smtp_port_secret_parameter_key", STRING),
                optional("smtp_username_secret_parameter_key", STRING),
                optional("smtp_password_secret_parameter_key", STRING), optional("sender", STRING),
                optional("recipients", LIST, STRING), optional("subject", STRING), optional("body", STRING),
                optional("file_attachments", LIST))));
        all.add(BlockSchema.of("http_request", List.of(optional("method", STRING), optional("url", STRING),
                optional("headers", MAP), optional("body", MAP, LIST, STRING), optional("timeout", INTEGER),
                optional("follow_redirects", BOOLEAN), optional("files", MAP), optional("parameter_keys", LIST))));
        all.add(BlockSchema.of("file_url_parser", List.of(optional("file_url", STRING), optional("file_type", STRING),
                optional("json_schema", MAP, LIST, STRING))));
        all.add(BlockSchema.of("pdf_parser", List.of(optional("file_url", STRING),
                optional("json_schema", MAP, LIST, STRING))));
        all.add(BlockSchema.of("upload_to_s3", List.of(optional("path", STRING))));
        all.add(BlockSchema.of("download_to_s3", List.of(optional("url", STRING))));
        all.add(BlockSchema.of("file_upload", List.of(optional("storage_type", STRING), optional("path", STRING),
                optional("s3_bucket", STRING), optional("region_name", STRING),
                optional("aws_access_key_id", STRING), optional("aws_secret_access_key", STRING))));
        all.add(BlockSchema.of("task_v2", List.of(optional("prompt", STRING), optional("url", STRING),
                optional("totp_verification_url", STRING), optional("totp_identifier", STRING),
                optional("max_iterations", INTEGER), optional("max_steps", INTEGER),
                optional("disable_cache", BOOLEAN), optional("engine", STRING), optional("parameter_keys", LIST))));
        all.add(BlockSchema.of("human_interaction", List.of(optional("instructions", STRING),
                optional("positive_descriptor", STRING), optional("negative_descriptor", STRING),
                optional("timeout_seconds", INTEGER), optional("sender", STRING), optional("recipients", LIST),
                optional("subject", STRING), optional("body", STRING))));
        all.addAll(flowAndHeadSchemas());
        return all;
    }

    /**
     * Rover's loop and page blocks (while_loop, print_page) and the block types newer Skyvern versions
     * added, so files using them load and a misspelling of them is caught.
     */
    private static List<BlockSchema> flowAndHeadSchemas() {
        return List.of(
                BlockSchema.of("while_loop", List.of(required("loop_blocks", LIST), required("condition", MAP),
                        optional("max_iterations", INTEGER))),
                BlockSchema.of("print_page", List.of(optional("file_name", STRING), optional("landscape", BOOLEAN),
                        optional("format", STRING), optional("print_background", BOOLEAN))),
                BlockSchema.of("workflow_trigger", List.of(optional("workflow_permanent_id", STRING),
                        optional("payload", MAP), optional("wait_for_completion", BOOLEAN))),
                BlockSchema.of("google_sheets_read", List.of(optional("spreadsheet_url", STRING),
                        optional("sheet_name", STRING), optional("range", STRING), optional("credential_id", STRING))),
                BlockSchema.of("google_sheets_write", List.of(optional("spreadsheet_url", STRING),
                        optional("sheet_name", STRING), optional("range", STRING), optional("credential_id", STRING),
                        optional("values", LIST, STRING))),
                BlockSchema.of("pdf_fill", List.of(optional("file_url", STRING), optional("fields", MAP))),
                BlockSchema.of("split_pdf", List.of(optional("file_url", STRING), optional("pages_per_file", INTEGER))),
                BlockSchema.of("email_inbox", List.of(optional("email_address", STRING), optional("subject", STRING),
                        optional("timeout_seconds", INTEGER))));
    }

    /** The fields shared by the agent-driven block types (navigation, action, login, task, file_download). */
    private static List<FieldSpec> agentFields(FieldSpec... specific) {
        List<FieldSpec> fields = new ArrayList<>(List.of(specific));
        fields.addAll(List.of(optional("url", STRING), optional("title", STRING), optional("engine", STRING),
                optional("error_code_mapping", MAP), optional("max_retries", INTEGER),
                optional("max_steps_per_run", INTEGER), optional("parameter_keys", LIST),
                optional("complete_on_download", BOOLEAN), optional("download_suffix", STRING),
                optional("totp_verification_url", STRING), optional("totp_identifier", STRING),
                optional("complete_criterion", STRING), optional("terminate_criterion", STRING),
                optional("complete_verification", BOOLEAN),
                optional("include_action_history_in_verification", BOOLEAN),
                optional("disable_cache", BOOLEAN)));
        return fields;
    }
}
