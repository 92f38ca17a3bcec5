package dev.rover.core.definition;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems found while reading one definition file, so all are reported together. */
final class Problems {

    /** The path reported for problems with the document as a whole. */
    static final String DOCUMENT = "(document)";

    private final String source;
    private final List<DefinitionProblem> found = new ArrayList<>();
    private ColumnShifts shifts = ColumnShifts.NONE;

    Problems(String source) {
        this.source = source;
    }

    /** Maps parser columns back to the written text when the text was adjusted before parsing. */
    void useColumnShifts(ColumnShifts columnShifts) {
        this.shifts = columnShifts;
    }

    String source() {
        return source;
    }

    /** The 1-based position where a node starts. */
    SourcePosition at(Node node) {
        return node == null ? start() : at(node.getStartMark());
    }

    SourcePosition at(Mark mark) {
        if (mark == null) {
            return start();
        }
        return new SourcePosition(source, mark.getLine() + 1, shifts.originalColumn(mark.getLine(), mark.getColumn()) + 1);
    }

    SourcePosition start() {
        return new SourcePosition(source, 1, 1);
    }

    void add(Node node, String path, String message) {
        add(at(node), path, message);
    }

    /** Records a problem; the same problem reached twice (a value checked by two readers) is kept once. */
    void add(SourcePosition position, String path, String message) {
        var problem = new DefinitionProblem(position, path.isEmpty() ? DOCUMENT : path, message);
        if (!found.contains(problem)) {
            found.add(problem);
        }
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** Every problem, ordered by position (stable for problems at the same place). */
    List<DefinitionProblem> sorted() {
        var copy = new ArrayList<>(found);
        copy.sort(Comparator.comparingInt((DefinitionProblem p) -> p.position().line())
                .thenComparingInt(p -> p.position().column()));
        return copy;
    }

    /** Throws a {@link DefinitionException} when anything was found. */
    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new DefinitionException(sorted());
        }
    }
}
