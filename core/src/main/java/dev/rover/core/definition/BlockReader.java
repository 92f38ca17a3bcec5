package dev.rover.core.definition;

import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads block lists (top level and nested {@code loop_blocks}) into {@link BlockDefinition}s,
 * checking the common fields, the type's own fields against the {@link BlockSchemas}, label rules
 * and the {@code next_block_label} targets of each level.
 */
final class BlockReader {

    /** Longest wait a {@code wait} block may ask for, in seconds. */
    static final long MAX_WAIT_SECONDS = 1800;

    /** Most iterations a {@code while_loop} may allow itself. */
    static final long WHILE_LOOP_ITERATION_LIMIT = 10_000;

    private final Problems problems;
    private final BlockSchemas schemas;
    private final List<KeyReference> references;
    private final Map<String, SourcePosition> labels = new LinkedHashMap<>();
    private final Map<BlockDefinition, String> paths = new IdentityHashMap<>();
    private final ConditionalReader conditionals;
    private final BlockTypeNames typeNames;

    /** Block types whose {@code loop_blocks} are nested blocks, read and checked like top-level ones. */
    private static final Set<String> LOOP_TYPES = Set.of("for_loop", "while_loop");

    BlockReader(Problems problems, BlockSchemas schemas, List<KeyReference> references) {
        this.problems = problems;
        this.schemas = schemas;
        this.references = references;
        this.conditionals = new ConditionalReader(problems);
        this.typeNames = new BlockTypeNames(problems, schemas);
    }

    /** Every label read so far, at any depth, with where it was declared. */
    Map<String, SourcePosition> labels() {
        return labels;
    }

    /** The field path a block was read from, for later messages about it. */
    String pathOf(BlockDefinition block) {
        return paths.get(block);
    }

    /** Reads one level of blocks; label references are checked against the labels of this level. */
    List<BlockDefinition> readLevel(List<Node> items, String path) {
        List<BlockDefinition> level = new ArrayList<>();
        Set<String> levelLabels = new LinkedHashSet<>();
        List<LabelReference> targets = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            MappingView view = MappingView.of(items.get(i), Nodes.index(path, i), problems, "a block");
            if (view == null) {
                continue;
            }
            BlockDefinition block = read(view, levelLabels, targets);
            if (block != null) {
                level.add(block);
                paths.put(block, view.path());
            }
        }
        for (LabelReference target : targets) {
            if (!levelLabels.contains(target.label())) {
                problems.add(target.position(), target.path(), target.field() + " '" + target.label()
                        + "' does not name a block at this level; blocks here: "
                        + (levelLabels.isEmpty() ? "(none)" : String.join(", ", levelLabels)));
            }
        }
        return level;
    }

    private BlockDefinition read(MappingView view, Set<String> levelLabels, List<LabelReference> targets) {
        String type = view.string("block_type", true);
        String label = view.string("label", true);
        if (label != null) {
            levelLabels.add(label);
            checkLabel(view, label);
        }
        String next = view.string("next_block_label", false);
        if (next != null && next.isBlank()) {
            next = null;
        }
        if (next != null) {
            targets.add(new LabelReference(next, "next_block_label", view.positionOf("next_block_label"),
                    view.path("next_block_label")));
        }
        boolean continueOnFailure = view.bool("continue_on_failure", false);
        boolean nextLoopOnFailure = view.bool("next_loop_on_failure", false);
        Map<String, Object> model = view.model("model");
        if (type == null) {
            return null;
        }
        typeNames.check(view, type);
        schemas.schema(type).ifPresent(schema ->
                schema.fields().values().forEach(spec -> view.check(spec.name(), spec.required(), spec.orderedKinds())));
        readParameterKeys(view);
        checkMaxSteps(view);
        List<BlockDefinition> loopBlocks = List.of();
        switch (type) {
            case "wait" -> checkWait(view);
            case "for_loop" -> loopBlocks = readLoop(view);
            case "while_loop" -> loopBlocks = readWhileLoop(view);
            case "code" -> checkCodeLanguage(view);
            case "conditional" -> targets.addAll(conditionals.read(view));
            default -> { }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name : view.keys()) {
            boolean nested = LOOP_TYPES.contains(type) && name.equals("loop_blocks");
            if (!BlockSchema.COMMON_FIELDS.contains(name) && !nested) {
                fields.put(name, Nodes.toValue(view.value(name), view.path(name), problems));
            }
        }
        if (label == null) {
            return null;
        }
        return new BlockDefinition(type, label, next, continueOnFailure, nextLoopOnFailure, model, fields,
                loopBlocks, view.position(), view.fieldPositions());
    }

    private void checkLabel(MappingView view, String label) {
        SourcePosition at = view.positionOf("label");
        if (!Identifiers.isIdentifier(label)) {
            problems.add(at, view.path("label"), "label '" + label + "' is not an identifier; " + Identifiers.IDENTIFIER_RULE);
        }
        SourcePosition first = labels.putIfAbsent(label, at);
        if (first != null) {
            problems.add(at, view.path("label"), "label '" + label + "' is already used by the block at line "
                    + first.line() + "; labels must be unique, nested loop blocks included");
        }
    }

    private void readParameterKeys(MappingView view) {
        if (view.check("parameter_keys", false, EnumSet.of(ValueKind.LIST)) == null) {
            return;
        }
        List<Node> keys = view.items("parameter_keys", false);
        for (int i = 0; i < keys.size(); i++) {
            Node item = keys.get(i);
            String path = Nodes.index(view.path("parameter_keys"), i);
            if (Nodes.isNull(item) || Nodes.kindOf(item) != ValueKind.STRING) {
                problems.add(item, path, "expected a parameter key (string), found " + Nodes.describe(item));
            } else {
                references.add(new KeyReference((String) Nodes.toValue(item, path, problems), "parameter_keys",
                        problems.at(item), path));
            }
        }
    }

    private void checkMaxSteps(MappingView view) {
        Node value = view.value("max_steps_per_run"); // its type is checked with the block type's fields
        if (Nodes.isNull(value) || Nodes.kindOf(value) != ValueKind.INTEGER) {
            return;
        }
        Long steps = (Long) Nodes.toValue(value, view.path("max_steps_per_run"), problems);
        if (steps != null && steps < 1) {
            problems.add(view.positionOf("max_steps_per_run"), view.path("max_steps_per_run"),
                    "max_steps_per_run must be at least 1, found " + steps);
        }
    }

    private void checkWait(MappingView view) {
        Long seconds = view.integer("wait_sec", false);
        if (seconds != null && (seconds <= 0 || seconds > MAX_WAIT_SECONDS)) {
            problems.add(view.positionOf("wait_sec"), view.path("wait_sec"),
                    "wait_sec must be greater than 0 and at most " + MAX_WAIT_SECONDS + ", found " + seconds);
        }
    }

    private List<BlockDefinition> readLoop(MappingView view) {
        String over = view.string("loop_over_parameter_key", false);
        if (over != null) {
            references.add(new KeyReference(over, "loop_over_parameter_key", view.positionOf("loop_over_parameter_key"),
                    view.path("loop_over_parameter_key")));
        }
        if (over == null && !view.has("loop_variable_reference")) {
            problems.add(view.position(), view.path("loop_variable_reference"),
                    "a for_loop needs loop_variable_reference (a template such as '{{ block_output.items }}') "
                            + "or the legacy loop_over_parameter_key");
        }
        return readLoopBlocks(view);
    }

    /**
     * A while_loop: its {@code condition} has the conditional block's criteria forms, its
     * {@code max_iterations} is positive, and its {@code loop_blocks} are read like a for_loop's.
     */
    private List<BlockDefinition> readWhileLoop(MappingView view) {
        conditionals.readCriteria(view, "condition");
        Long max = view.integer("max_iterations", false);
        if (max != null && (max <= 0 || max > WHILE_LOOP_ITERATION_LIMIT)) {
            problems.add(view.positionOf("max_iterations"), view.path("max_iterations"), "max_iterations must be "
                    + "greater than 0 and at most " + WHILE_LOOP_ITERATION_LIMIT + ", found " + max);
        }
        return readLoopBlocks(view);
    }

    /** Code blocks run JavaScript in the page; Skyvern's Python cannot run here, and saying so now beats failing mid-run. */
    private void checkCodeLanguage(MappingView view) {
        String language = view.string("language", false);
        if (language == null) {
            problems.add(view.position(), view.path("language"), "this code block is Python (Skyvern's code blocks "
                    + "are), which Rover cannot run; Rover runs JavaScript in the page: rewrite the code in JavaScript "
                    + "and set language: javascript");
        } else if (!language.equalsIgnoreCase("javascript") && !language.equalsIgnoreCase("js")) {
            problems.add(view.positionOf("language"), view.path("language"), "Rover cannot run " + language
                    + " code; code blocks run JavaScript in the page: rewrite the code in JavaScript and set language: javascript");
        }
    }

    private List<BlockDefinition> readLoopBlocks(MappingView view) {
        if (view.check("loop_blocks", false, EnumSet.of(ValueKind.LIST)) == null) {
            return List.of();
        }
        List<Node> items = view.items("loop_blocks", false);
        if (items.isEmpty()) {
            problems.add(view.positionOf("loop_blocks"), view.path("loop_blocks"),
                    "loop_blocks must list at least one block");
        }
        return readLevel(items, view.path("loop_blocks"));
    }

    /** A label named by a block field, checked when its level is complete. */
    record LabelReference(String label, String field, SourcePosition position, String path) {
    }
}
