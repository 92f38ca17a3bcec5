package dev.rover.llm.offline;

import dev.rover.core.page.Element;
import dev.rover.core.page.PageSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges the completion criteria a page can answer without a model: text visible, URL or title
 * contains, logged in (no login form), results or a table shown, a download started, being on a
 * named page. Anything else is "cannot judge", never a guess.
 */
final class CriterionChecker {

    /** A judgement: {@code met} is null when the sentence cannot be judged offline. */
    record Judgement(Boolean met, String reason) {
        boolean known() {
            return met != null;
        }
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern PREFIX = Pattern.compile(
            "^(?:(?:the\\s+)?(?:goal|task)\\s+is\\s+(?:complete|completed|achieved|done)\\s+)?(?:complete|completed)?\\s*(?:when|if|once|after)?\\s+", FLAGS);
    private static final Pattern URL = Pattern.compile("^(?:the\\s+)?(?:page\\s+|current\\s+)?url\\s+(?:contains|includes|has|ends with|starts with|is|matches)\\s+(.+)$", FLAGS);
    private static final Pattern TITLE = Pattern.compile("^(?:the\\s+)?(?:page\\s+)?title\\s+(?:contains|includes|has|is)\\s+(.+)$", FLAGS);
    private static final Pattern LOGGED_IN = Pattern.compile(
            "^(?:(?:the\\s+)?user\\s+is\\s+|you\\s+are\\s+|you're\\s+)?(?:successfully\\s+)?(?:logged|signed)\\s+in(?:\\s+successfully)?$"
                    + "|^(?:there\\s+is\\s+)?no\\s+(?:login|log in|sign in|sign-in|password)\\s+(?:form|field|page|prompt)(?:\\s+(?:is\\s+)?(?:present|visible|shown|displayed|left))?$"
                    + "|^(?:the\\s+)?(?:login|log in|sign in)\\s+(?:is\\s+)?(?:complete|completed|successful|succeeded|done)$", FLAGS);
    private static final Pattern DOWNLOAD = Pattern.compile(
            ".*\\bdownloads?\\b.*\\b(?:start|starts|started|begins|began|complete|completes|completed|finished|triggered)\\b.*|.*\\b(?:is|was|are|were|been)\\s+downloaded\\b.*", FLAGS);
    private static final Pattern TABLE = Pattern.compile(
            "^(?:the\\s+)?(?:[\\w\\s-]+\\s+)?(?:results?|table|list|rows|grid|records|entries)\\s+(?:is|are)\\s+(?:visible|shown|displayed|present|listed)(?:\\s+on\\s+the\\s+(?:page|screen))?$", FLAGS);
    private static final Pattern SHOWS = Pattern.compile("^(?:the\\s+)?(?:page|screen)\\s+(?:shows|displays|contains|says|reads|includes)\\s+(.+)$", FLAGS);
    private static final Pattern VISIBLE = Pattern.compile(
            "^(?:the\\s+)?(.+?)\\s+(?:is|are)\\s+(not\\s+|no\\s+longer\\s+)?(?:visible|shown|displayed|present)(?:\\s+on\\s+(?:the\\s+)?(?:page|screen))?$", FLAGS);
    private static final Pattern ON_PAGE = Pattern.compile("^(?:you\\s+are\\s+|you're\\s+|the\\s+user\\s+is\\s+)?on\\s+(?:the\\s+|a\\s+|an\\s+)?(.+?)(?:\\s+page)?$", FLAGS);
    private static final Pattern AND = Pattern.compile("\\s+and\\s+|\\s*,\\s+", FLAGS);
    private static final Pattern OR = Pattern.compile("\\s+or\\s+", FLAGS);
    private static final Set<String> FILLER = Set.of("the", "a", "an", "page", "screen", "on", "now", "your", "my");

    private CriterionChecker() {
    }

    /** Judges one criterion sentence against the page and whether a download happened. */
    static Judgement judge(String criterion, PageSnapshot page, boolean downloaded) {
        MaskedClause mc = MaskedClause.of(criterion.strip().replaceAll("[\\s.!]+$", ""));
        String body = PREFIX.matcher(mc.masked()).replaceFirst("").strip();
        String[] parts = AND.split(body);
        if (parts.length > 1) {
            List<Judgement> judged = new ArrayList<>();
            for (String part : parts) {
                judged.add(alternatives(part, mc, page, downloaded));
            }
            if (judged.stream().anyMatch(j -> j.known() && !j.met())) {
                return judged.stream().filter(j -> j.known() && !j.met()).findFirst().orElseThrow();
            }
            if (judged.stream().allMatch(Judgement::known)) {
                return new Judgement(true, String.join("; ", judged.stream().map(Judgement::reason).toList()));
            }
            return unknown(criterion);
        }
        Judgement alt = alternatives(body, mc, page, downloaded);
        return alt.known() ? alt : unknown(criterion);
    }

    private static Judgement alternatives(String part, MaskedClause mc, PageSnapshot page, boolean downloaded) {
        Judgement single = atomic(part, mc, page, downloaded);
        if (single.known()) {
            return single;
        }
        String[] options = OR.split(part);
        if (options.length < 2) {
            return single;
        }
        List<Judgement> judged = new ArrayList<>();
        for (String option : options) {
            judged.add(atomic(option, mc, page, downloaded));
        }
        if (judged.stream().anyMatch(j -> j.known() && j.met())) {
            return judged.stream().filter(j -> j.known() && j.met()).findFirst().orElseThrow();
        }
        return judged.stream().allMatch(Judgement::known) ? judged.get(0) : single;
    }

    private static Judgement atomic(String text, MaskedClause mc, PageSnapshot page, boolean downloaded) {
        String t = text.strip();
        Matcher m;
        if ((m = URL.matcher(t)).matches()) {
            String wanted = mc.restore(m.group(1)).strip();
            boolean met = page.url().toLowerCase().contains(wanted.toLowerCase());
            return new Judgement(met, "the URL " + page.url() + (met ? " contains " : " does not contain ") + "\"" + wanted + "\"");
        }
        if ((m = TITLE.matcher(t)).matches()) {
            String wanted = mc.restore(m.group(1)).strip();
            boolean met = page.title().toLowerCase().contains(wanted.toLowerCase());
            return new Judgement(met, "the title \"" + page.title() + "\"" + (met ? " contains " : " does not contain ") + "\"" + wanted + "\"");
        }
        if (LOGGED_IN.matcher(t).matches()) {
            boolean form = LoginForm.passwordField(page).isPresent() || LoginForm.otpField(page).isPresent();
            return new Judgement(!form, form ? "a login form (password or one-time-code field) is still on the page"
                    : "no login form is on the page");
        }
        if (DOWNLOAD.matcher(t).matches()) {
            return new Judgement(downloaded, downloaded ? "a file was downloaded" : "no file has been downloaded yet");
        }
        if (TABLE.matcher(t).matches() && !t.contains("§")) {
            boolean met = page.content().tables().stream().anyMatch(tb -> !tb.rows().isEmpty());
            return new Judgement(met, met ? "a table with rows is on the page" : "no table with rows is on the page");
        }
        if (!mc.quoted().isEmpty() && t.contains("§")) {
            return quotedVisible(t, mc, page);
        }
        if ((m = SHOWS.matcher(t)).matches()) {
            return wordsVisible(mc.restore(m.group(1)), page, false);
        }
        if ((m = VISIBLE.matcher(t)).matches()) {
            return wordsVisible(mc.restore(m.group(1)), page, m.group(2) != null);
        }
        if ((m = ON_PAGE.matcher(t)).matches()) {
            for (String option : LabelText.alternatives(mc.restore(m.group(1)))) {
                String label = option.replaceFirst("(?i)\\s+page$", "");
                if (InstructionResolver.alreadyOn(page, label) || headNounShown(page, label)) {
                    return new Judgement(true, "the URL, title or main heading names \"" + label + "\"");
                }
            }
            return new Judgement(false, "neither the URL, the title nor the main heading names \"" + mc.restore(m.group(1)) + "\"");
        }
        return new Judgement(null, "");
    }

    /** Loosely: the last word of "account dashboard" appears in the URL path, the title or a main heading. */
    private static boolean headNounShown(PageSnapshot page, String label) {
        List<String> words = LabelText.tokens(label).stream().filter(w -> !FILLER.contains(w)).toList();
        if (words.isEmpty()) {
            return false;
        }
        String head = words.get(words.size() - 1);
        StringBuilder where = new StringBuilder(page.url().replaceFirst("^[a-z]+://[^/]+", "")).append(' ').append(page.title());
        page.content().headings().stream().filter(h -> h.level() <= 2).forEach(h -> where.append(' ').append(h.text()));
        return LabelText.tokens(where.toString()).contains(head);
    }

    private static Judgement quotedVisible(String text, MaskedClause mc, PageSnapshot page) {
        Matcher tokens = Pattern.compile("§(\\d{1,6})§").matcher(text);
        boolean negated = Pattern.compile("\\b(?:not|no longer)\\b", FLAGS).matcher(text).find();
        String haystack = haystack(page);
        while (tokens.find()) {
            String wanted = mc.restore(tokens.group(0));
            boolean present = LabelText.containsPhrase(haystack, wanted) || haystack.toLowerCase().contains(wanted.toLowerCase());
            if (present == negated) {
                return new Judgement(false, "\"" + wanted + "\"" + (present ? " is" : " is not") + " on the page");
            }
        }
        return new Judgement(true, "the quoted text " + (negated ? "is absent from" : "is on") + " the page");
    }

    private static Judgement wordsVisible(String what, PageSnapshot page, boolean negated) {
        List<String> words = LabelText.tokens(what).stream().filter(w -> !FILLER.contains(w)).toList();
        if (words.isEmpty()) {
            return new Judgement(null, "");
        }
        var have = LabelText.tokens(haystack(page));
        List<String> missing = words.stream().filter(w -> !have.contains(w)).toList();
        boolean present = missing.isEmpty();
        String reason = present ? "the page shows \"" + what + "\"" : "the page does not show " + String.join(", ", missing);
        return new Judgement(present != negated, negated ? (present ? "the page still shows \"" + what + "\"" : "\"" + what + "\" is gone") : reason);
    }

    private static String haystack(PageSnapshot page) {
        StringBuilder sb = new StringBuilder(page.title()).append('\n').append(page.content().visibleText());
        page.content().headings().forEach(h -> sb.append('\n').append(h.text()));
        for (Element e : page.elements()) {
            sb.append('\n').append(e.name()).append(' ').append(e.text());
        }
        return sb.toString();
    }

    private static Judgement unknown(String criterion) {
        return new Judgement(null, "The offline engine cannot judge \"" + LabelText.shorten(criterion, 200)
                + "\" without a language model. " + LlmAdvice.HOW_TO_CONFIGURE);
    }
}
