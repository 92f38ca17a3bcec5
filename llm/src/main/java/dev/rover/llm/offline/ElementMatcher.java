package dev.rover.llm.offline;

import dev.rover.core.page.Element;
import dev.rover.core.page.PageSnapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the element a label names: the label is compared, normalised, with the element's accessible
 * name, text, placeholder, aria-label, name/id attributes and (weaker) its context. Exact beats
 * starts-with beats contains beats token overlap; ties go to visible elements, then document order.
 */
final class ElementMatcher {

    /** Weight of a match on the element's surrounding context rather than on the element itself. */
    private static final double CONTEXT_WEIGHT = 0.5;
    /** Weight of a match on an element that is not of the wanted kind (a click on a field, say). */
    private static final double OTHER_KIND_WEIGHT = 0.6;

    private ElementMatcher() {
    }

    /** A matched element and how well it matched. */
    record Match(Element element, double score) {
    }

    /** The best element for any of the labels, or empty when none matches well enough. */
    static Optional<Match> find(PageSnapshot page, List<String> labels, ElementKind kind) {
        List<Element> elements = page.elements();
        Match best = null;
        int bestIndex = -1;
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            boolean ofKind = kind.accepts(e);
            if (!ofKind && kind != ElementKind.CLICKABLE) {
                continue;
            }
            double score = 0;
            for (String label : labels) {
                score = Math.max(score, score(e, LabelText.normalize(label)));
            }
            if (!ofKind) {
                score *= OTHER_KIND_WEIGHT;
            }
            if (score <= 0) {
                continue;
            }
            if (best == null || better(score, e, best)) {
                best = new Match(e, score);
                bestIndex = i;
            }
        }
        return bestIndex < 0 ? Optional.empty() : Optional.of(best);
    }

    private static boolean better(double score, Element e, Match best) {
        if (score != best.score()) {
            return score > best.score();
        }
        return visibility(e) > visibility(best.element());
    }

    private static int visibility(Element e) {
        int v = 0;
        if (e.box() == null || e.box().hasArea()) {
            v += 1;
        }
        if (e.inViewport()) {
            v += 1;
        }
        if (!e.state().disabled()) {
            v += 2;
        }
        return v;
    }

    /** How well one element matches a normalised label. */
    static double score(Element e, String wanted) {
        double best = 0;
        for (String text : ownTexts(e)) {
            best = Math.max(best, LabelText.elementScore(wanted, LabelText.normalize(text)));
        }
        String context = LabelText.normalize(e.context());
        if (!context.isEmpty() && best < LabelText.CONTAINS) {
            double c = LabelText.score(wanted, context);
            if (c >= LabelText.CONTAINS) {
                best = Math.max(best, c * CONTEXT_WEIGHT);
            }
        }
        return best;
    }

    /** The texts that name an element itself. */
    static List<String> ownTexts(Element e) {
        List<String> texts = new ArrayList<>();
        texts.add(e.name());
        texts.add(e.text());
        for (String attr : List.of("placeholder", "aria-label", "title", "alt", "name", "id", "data-testid", "label")) {
            texts.add(e.attribute(attr));
        }
        if (e.tag().equalsIgnoreCase("input") && List.of("submit", "button", "reset").contains(e.type())) {
            texts.add(e.value());
        }
        texts.removeIf(String::isBlank);
        return texts;
    }

    /** What a person would call the element: its name, text, placeholder or name attribute. */
    static String displayLabel(Element e) {
        List<String> texts = ownTexts(e);
        return texts.isEmpty() ? "" : LabelText.shorten(texts.get(0), 60);
    }

    /** Up to {@code limit} labels of elements of this kind, closest to the wanted label first. */
    static List<String> closestLabels(PageSnapshot page, List<String> labels, ElementKind kind, int limit) {
        Map<String, Double> scored = new LinkedHashMap<>();
        for (Element e : page.elements()) {
            if (!kind.accepts(e)) {
                continue;
            }
            String label = displayLabel(e);
            if (label.isEmpty()) {
                continue;
            }
            double s = 0;
            for (String wanted : labels) {
                s = Math.max(s, similarity(wanted, label));
            }
            scored.merge(label, s, Math::max);
        }
        return scored.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    /** A loose similarity for suggestions: shared words, then shared letters. */
    private static double similarity(String a, String b) {
        double words = LabelText.overlap(LabelText.tokens(a), LabelText.tokens(b));
        String x = LabelText.normalize(a);
        String y = LabelText.normalize(b);
        long sharedChars = x.chars().distinct().filter(c -> c != ' ' && y.indexOf(c) >= 0).count();
        return words * 10 + sharedChars / (double) Math.max(1, x.replace(" ", "").chars().distinct().count());
    }
}
