package dev.rover.core.definition;

import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a {@code conditional} block's {@code branch_conditions}: each branch has criteria
 * ({@code jinja2_template} or {@code prompt} with an expression) unless it is the one default branch.
 */
final class ConditionalReader {

    private static final Set<String> CRITERIA_TYPES = Set.of("jinja2_template", "prompt");

    private final Problems problems;

    ConditionalReader(Problems problems) {
        this.problems = problems;
    }

    /** Checks the branches and returns the labels they jump to, for checking against the block's level. */
    List<BlockReader.LabelReference> read(MappingView block) {
        List<BlockReader.LabelReference> targets = new ArrayList<>();
        if (!block.has("branch_conditions") || Nodes.kindOf(block.value("branch_conditions")) != ValueKind.LIST) {
            return targets;
        }
        List<Node> branches = block.items("branch_conditions", false);
        String path = block.path("branch_conditions");
        if (branches.isEmpty()) {
            problems.add(block.positionOf("branch_conditions"), path, "branch_conditions must list at least one branch");
        }
        Integer defaultIndex = null;
        for (int i = 0; i < branches.size(); i++) {
            MappingView branch = MappingView.of(branches.get(i), Nodes.index(path, i), problems, "a branch condition");
            if (branch == null) {
                continue;
            }
            boolean isDefault = branch.bool("is_default", false);
            if (isDefault && defaultIndex != null) {
                problems.add(branch.positionOf("is_default"), branch.path("is_default"),
                        "only one branch may be the default; branch_conditions[" + defaultIndex + "] already is");
            } else if (isDefault) {
                defaultIndex = i;
            }
            branch.string("description", false);
            String next = branch.string("next_block_label", false);
            if (next != null && !next.isBlank()) {
                targets.add(new BlockReader.LabelReference(next, "next_block_label",
                        branch.positionOf("next_block_label"), branch.path("next_block_label")));
            }
            readCriteria(branch, isDefault);
        }
        return targets;
    }

    private void readCriteria(MappingView branch, boolean isDefault) {
        if (!isDefault && !branch.has("criteria")) {
            problems.add(branch.position(), branch.path("criteria"),
                    "a branch needs criteria (criteria_type and expression) unless it sets is_default: true");
            return;
        }
        readCriteria(branch, "criteria");
    }

    /**
     * Checks a criteria map ({@code criteria_type} jinja2_template or prompt, and an {@code expression}) held
     * in {@code field} of {@code owner}: a branch's {@code criteria}, a while_loop's {@code condition}.
     */
    void readCriteria(MappingView owner, String field) {
        if (owner.check(field, false, EnumSet.of(ValueKind.MAP)) == null) {
            return;
        }
        MappingView criteria = MappingView.of(owner.value(field), owner.path(field), problems, field);
        if (criteria == null) {
            return;
        }
        String type = criteria.string("criteria_type", false);
        if (type != null && !CRITERIA_TYPES.contains(type)) {
            problems.add(criteria.positionOf("criteria_type"), criteria.path("criteria_type"),
                    "unknown criteria_type '" + type + "'; allowed: jinja2_template, prompt");
        }
        criteria.string("expression", true);
    }
}
