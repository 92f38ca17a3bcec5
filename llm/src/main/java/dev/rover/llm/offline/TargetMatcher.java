package dev.rover.llm.offline;

import dev.rover.core.page.Element;
import dev.rover.core.page.PageSnapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores the page's elements against a {@link TargetSpec}: kind and role first, then container,
 * then labels (through {@link ElementMatcher#score}), then ordinal or "all". Two elements that
 * match equally well are reported as ambiguous, never picked between.
 */
final class TargetMatcher {

    /** Score under which a label match on an element of another kind does not count. */
    private static final double OTHER_KIND_WEIGHT = 0.6;

    private TargetMatcher() {
    }

    /** The outcome of matching: the elements meant, or why there are none or too many. */
    sealed interface Result {
    }

    /** The element(s) meant, best first. */
    record Found(List<Element> elements, double score) implements Result {
    }

    /** Several elements match equally well; {@code candidates} are the tied ones. */
    record Ambiguous(List<Element> candidates) implements Result {
    }

    /** Nothing matches. */
    record None() implements Result {
    }

    /** Finds the element(s) {@code target} names among those of {@code kind}. */
    static Result find(PageSnapshot page, TargetSpec target, ElementKind kind) {
        List<Element> pool = page.elements().stream().filter(e -> inContainer(e, target.container())).toList();
        List<Element> ofRole = pool.stream().filter(e -> kindAccepts(kind, target.role(), e) && target.role().accepts(e)).toList();
        if (target.labels().isEmpty()) {
            return pick(ofRole, target, 1);
        }
        Scored best = byLabels(ofRole, target, kind, false);
        if (target.role() != Role.ANY) {
            // "the File menu" on a page whose File is a button, "Forgot password" as a link: the label decides, the role word narrows ties
            Scored any = byLabels(pool.stream().filter(e -> kindAccepts(kind, Role.ANY, e)).toList(), target, kind, false);
            if (any.score() > best.score()) {
                best = any;
            }
            if (best.elements().isEmpty() && target.labels().stream().allMatch(l -> Role.of(l).isPresent() || isRoleWord(l, target.role()))) {
                return pick(ofRole, target, 1);
            }
        }
        if (best.elements().isEmpty() && kind == ElementKind.CLICKABLE) {
            best = byLabels(pool, target, kind, true);
        }
        return pick(best.elements(), target, best.score());
    }

    /** Equally good candidates and their score. */
    private record Scored(List<Element> elements, double score) {
    }

    private static boolean isRoleWord(String label, Role role) {
        String l = LabelText.normalize(label);
        return switch (role) {
            case DATE -> l.equals("date");
            case PASSWORD -> l.equals("password");
            case CLOSE -> l.equals("close") || l.equals("x");
            default -> false;
        };
    }

    private static boolean kindAccepts(ElementKind kind, Role role, Element e) {
        if (kind.accepts(e)) {
            return true;
        }
        // a role word may widen the kind: "click the x" on a close mark, "tick the switch"
        return role != Role.ANY && kind == ElementKind.CLICKABLE && role.accepts(e);
    }

    private static Scored byLabels(List<Element> elements, TargetSpec target, ElementKind kind, boolean otherKinds) {
        List<Element> best = new ArrayList<>();
        double bestScore = 0;
        for (Element e : elements) {
            if (otherKinds && kind.accepts(e)) {
                continue;
            }
            double score = 0;
            for (String label : target.labels()) {
                score = Math.max(score, ElementMatcher.score(e, LabelText.normalize(label)));
            }
            if (otherKinds) {
                score *= OTHER_KIND_WEIGHT;
            }
            if (score <= 0) {
                continue;
            }
            if (score > bestScore) {
                best.clear();
                bestScore = score;
            }
            if (score == bestScore) {
                best.add(e);
            }
        }
        return new Scored(best, bestScore);
    }

    /** Applies the ordinal or "all" to equally good candidates; more than one left is ambiguous. */
    private static Result pick(List<Element> candidates, TargetSpec target, double score) {
        if (candidates.isEmpty()) {
            return new None();
        }
        if (target.all()) {
            return new Found(candidates, score);
        }
        if (target.ordinal() != 0) {
            int i = target.ordinal() == -1 ? candidates.size() - 1 : target.ordinal() - 1;
            return i < candidates.size() ? new Found(List.of(candidates.get(i)), score) : new None();
        }
        List<Element> top = mostUsable(candidates);
        if (top.size() == 1) {
            return new Found(top, score);
        }
        return new Ambiguous(top);
    }

    /** The candidates that are shown and enabled when some are not: a hidden twin is not a rival. */
    private static List<Element> mostUsable(List<Element> candidates) {
        int best = candidates.stream().mapToInt(TargetMatcher::usability).max().orElse(0);
        List<Element> top = candidates.stream().filter(e -> usability(e) == best).toList();
        if (top.size() > 1) {
            // the same control rendered twice under one name (a label and its input, a radio group's name) is one match
            List<Element> distinct = new ArrayList<>();
            for (Element e : top) {
                if (distinct.stream().noneMatch(d -> sameControl(d, e))) {
                    distinct.add(e);
                }
            }
            return distinct;
        }
        return top;
    }

    private static boolean sameControl(Element a, Element b) {
        return a.box() != null && b.box() != null && a.box().equals(b.box());
    }

    private static int usability(Element e) {
        int v = 0;
        if (e.box() == null || e.box().hasArea()) {
            v += 1;
        }
        if (!e.state().disabled()) {
            v += 2;
        }
        return v;
    }

    /** True when the element is inside the named container (any container when none is named). */
    static boolean inContainer(Element e, String container) {
        if (container.isEmpty()) {
            return true;
        }
        if (container.equals(TargetSpec.DIALOG)) {
            return !e.attribute("dialog").isEmpty();
        }
        return LabelText.containsPhrase(e.context(), container) || LabelText.containsPhrase(e.attribute("dialog"), container);
    }

    /** How a message names an element: its label and id. */
    static String name(Element e) {
        String label = ElementMatcher.displayLabel(e);
        return "\"" + (label.isEmpty() ? e.tag() : label) + "\" (" + e.id() + (e.context().isEmpty() ? "" : ", in " + LabelText.shorten(e.context(), 40)) + ")";
    }
}
