package dev.rover.samples.e2e.fakellm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rover.core.json.Json;

/**
 * One thing a scripted model means to do, said the way a person would ("type into Username",
 * "click Sign in"); {@link #toAction} turns it into an action of Skyvern's JSON schema with the
 * element id read from the prompt the model received.
 */
public sealed interface Intent {

    /** The action object; fails (as a test failure) when the page in the prompt has no such element. */
    ObjectNode toAction(PromptElements page);

    /** Type {@code text} (which may hold {@code {{detail:key}}}) into the field labelled {@code label}. */
    static Intent inputText(String label, String text) {
        return new InputText(label, text);
    }

    /** Click the element labelled {@code label}. */
    static Intent click(String label) {
        return new Click(label);
    }

    /** Choose the option shown as {@code option} in the select labelled {@code label}. */
    static Intent selectOption(String label, String option) {
        return new SelectOption(label, option);
    }

    /** Tick the checkbox labelled {@code label}. */
    static Intent check(String label) {
        return new Check(label);
    }

    /** Attach {@code file} (a path or file URL) to the file input labelled {@code label}. */
    static Intent uploadFile(String label, String file) {
        return new UploadFile(label, file);
    }

    /** The goal is reached. */
    static Intent complete() {
        return new Complete();
    }

    /** The goal cannot be reached; {@code errorCode} may be null. */
    static Intent terminate(String reasoning, String errorCode) {
        return new Terminate(reasoning, errorCode);
    }

    private static ObjectNode action(String type, String reasoning) {
        ObjectNode a = Json.mapper().createObjectNode();
        a.put("action_type", type);
        a.put("reasoning", reasoning);
        return a;
    }

    private static String id(PromptElements page, String label) {
        return page.idOf(label).orElseThrow(() -> new IllegalStateException("the prompt shows no element labelled '"
                + label + "' at " + page.pageUrl() + "; elements: " + page.elements()));
    }

    /** {@code input_text}. */
    record InputText(String label, String text) implements Intent {
        @Override
        public ObjectNode toAction(PromptElements page) {
            ObjectNode a = action("input_text", "fill " + label);
            a.put("id", id(page, label));
            a.put("text", page.fill(text));
            return a;
        }
    }

    /** {@code click}. */
    record Click(String label) implements Intent {
        @Override
        public ObjectNode toAction(PromptElements page) {
            ObjectNode a = action("click", "press " + label);
            a.put("id", id(page, label));
            return a;
        }
    }

    /** {@code select_option} by the option's label. */
    record SelectOption(String label, String option) implements Intent {
        @Override
        public ObjectNode toAction(PromptElements page) {
            ObjectNode a = action("select_option", "choose " + option + " in " + label);
            a.put("id", id(page, label));
            a.putObject("option").put("label", option);
            return a;
        }
    }

    /** {@code checkbox} ticked. */
    record Check(String label) implements Intent {
        @Override
        public ObjectNode toAction(PromptElements page) {
            ObjectNode a = action("checkbox", "tick " + label);
            a.put("id", id(page, label));
            a.put("is_checked", true);
            return a;
        }
    }

    /** {@code upload_file}. */
    record UploadFile(String label, String file) implements Intent {
        @Override
        public ObjectNode toAction(PromptElements page) {
            ObjectNode a = action("upload_file", "attach the file to " + label);
            a.put("id", id(page, label));
            a.put("file_url", file);
            return a;
        }
    }

    /** {@code complete}. */
    record Complete() implements Intent {
        @Override
        public ObjectNode toAction(PromptElements page) {
            return action("complete", "the goal is reached");
        }
    }

    /** {@code terminate} with an optional error code. */
    record Terminate(String reasoning, String errorCode) implements Intent {
        @Override
        public ObjectNode toAction(PromptElements page) {
            ObjectNode a = action("terminate", reasoning);
            if (errorCode != null) {
                a.putArray("errors").addObject().put("error_code", errorCode).put("reasoning", reasoning);
            }
            return a;
        }
    }
}
