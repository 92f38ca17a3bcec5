package dev.rover.llm.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instruction forms the offline engine understands, each a pattern over one clause. A clause
 * that fits none of them yields nothing: the engine refuses rather than guesses.
 */
final class InstructionForms {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Pattern PRESS_ENTER = p("^(?:press|hit|type|push)\\s+(?:the\\s+)?(?:enter|return)(?:\\s+key)?(?:\\s+(?:on|in)\\s+.*)?$");
    private static final Pattern SUBMIT = p("^submit(?:\\s+(?:the|this))?(?:\\s+form)?(?:\\s+only\\s+once)?$");
    private static final Pattern FIND_AND_CLICK = p("^(?:find|locate)\\s+(?:the\\s+)?(.+?)\\s+and\\s+(?:click|press|tap)\\s+(?:on\\s+)?it$");
    private static final Pattern CLICK = p("^(?:click|press|tap|hit)\\s+(?:on\\s+)?(?:the\\s+)?(.+)$");
    private static final Pattern FILL_WITH = p("^(?:fill(?:\\s+in|\\s+out)?|complete)\\s+(?:the\\s+)?(.+?)\\s+with\\s+(.+)$");
    private static final Pattern TYPE_INTO = p("^(?:enter|type|input|put|write|fill(?:\\s+in)?)\\s+(.+?)\\s+(?:into|inside)\\s+(?:the\\s+)?(.+)$");
    private static final Pattern TYPE_IN = p("^(?:enter|type|input|put|write|fill(?:\\s+in)?)\\s+(.+?)\\s+(?:in|on)\\s+(?:the\\s+)?(.+)$");
    private static final Pattern SET_TO = p("^set\\s+(?:the\\s+)?(.+?)\\s+to\\s+(.+)$");
    private static final Pattern UPLOAD = p("^(?:upload|attach)\\s+(?:the\\s+)?(?:file\\s+)?(.+?)\\s+(?:to|into|in|as|using|with|for)\\s+(?:the\\s+)?(.+)$");
    private static final Pattern EXTRACT = p("^(?:extract|get|read|collect|scrape|retrieve|capture|report|summari[sz]e|list|return)\\b.+$");
    private static final Pattern SELECT_FROM = p("^(?:select|choose|pick)\\s+(.+?)\\s+(?:from|in|for)\\s+(?:the\\s+)?(.+)$");
    private static final Pattern SELECT_ALONE = p("^(?:select|choose|pick)\\s+(?:the\\s+)?(.+)$");
    private static final Pattern CHECK_THAT = p("^(?:check|tick)\\s+(?:that|if|whether|for|to see)\\b.*$");
    private static final Pattern CHECK = p("^(check|tick|uncheck|untick)\\s+(?:the\\s+)?(.+)$");
    private static final Pattern ENSURE_CHECKED = p("^(?:make sure|ensure)\\s+(?:that\\s+)?(?:the\\s+)?(.+?)\\s+is\\s+(checked|ticked|unchecked|not checked)$");
    private static final Pattern GO_TO = p("^(?:go|navigate|browse|head)\\s+(?:over\\s+)?to\\s+(?:the\\s+)?(.+)$");
    private static final Pattern OPEN = p("^(?:open|visit|load)\\s+(?:the\\s+)?(.+)$");
    private static final Pattern URL = p("^(?:https?://\\S+|www\\.\\S+|[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}(?::\\d+)?(?:/\\S*)?)$");
    private static final Pattern SCROLL = p("^scroll\\s+(?:the\\s+page\\s+)?(down|up)\\b.*$");
    private static final Pattern SCROLL_TO = p("^scroll\\s+to\\s+the\\s+(bottom|top)\\b.*$");
    private static final Pattern WAIT = p("^wait\\s+(?:for\\s+)?(\\d+(?:\\.\\d+)?)\\s*(seconds?|secs?|s|minutes?|mins?)$");
    private static final Pattern FILTER_BETWEEN = p("^filter\\s+(?:.+?\\s+)?(?:between|from)\\s+(.+?)\\s+(?:and|to|until|through)\\s+(.+)$");
    private static final Pattern SEARCH_FOR = p("^search\\s+for\\s+(§\\d+§)$");
    private static final Pattern FILL_PAIRS = p("^(?:fill(?:\\s+in|\\s+out)?|enter)\\s+(.+)$");
    private static final Pattern FIND = p("^(?:find|locate|look for)\\s+(?:the\\s+)?(.+)$");
    private static final Pattern LOGIN_WORD = p("\\b(?:log\\s?in|log-in|login|sign\\s?in|sign-in|signin|log\\s+on)\\b");
    private static final Pattern LOGIN_START = p("^(?:please\\s+)?(?:try\\s+to\\s+)?(?:log\\s?in|log-in|login|sign\\s?in|sign-in|signin|log\\s+on)\\b.*");
    private static final Pattern CREDENTIALS = p("\\bcredentials?\\b");
    private static final Pattern COOKIES = p("\\b(?:cookies?|consent|pop-?ups?)\\b");
    private static final Pattern CLICK_VERB = p("^(?:click|press|tap|hit)\\b.*");

    private static final Pattern TRAILING_KIND = p("\\s+(?:button|link|tab|icon|field|box|input|textbox|text box|text field|"
            + "dropdown|drop-down|drop down|menu|menu item|select|list|checkbox|check box|option|radio button|radio|toggle|switch)$");
    private static final Pattern LABELLED = p("^(?:field|input|box|dropdown|select|checkbox)\\s+(?:labell?ed|named|called|titled)\\s+");
    private static final Pattern TRAILING_PAGE = p("\\s+(?:page|view|section|screen|tab)$");

    private InstructionForms() {
    }

    /** The instructions of one clause, or an empty list when the clause fits no known form. */
    static List<Instruction> match(String clause) {
        MaskedClause mc = MaskedClause.of(clause);
        String m = mc.masked().strip();
        if (COOKIES.matcher(m).find() && !CLICK_VERB.matcher(m).matches()) {
            return List.of(new Instruction.AcceptCookies(clause));
        }
        if (isLogin(m)) {
            return List.of(new Instruction.Login(clause));
        }
        Matcher x;
        if (PRESS_ENTER.matcher(m).matches()) {
            return List.of(new Instruction.PressEnter(clause));
        }
        if (SUBMIT.matcher(m).matches()) {
            return List.of(new Instruction.Submit(clause));
        }
        if ((x = FIND_AND_CLICK.matcher(m)).matches() || (x = CLICK.matcher(m)).matches()) {
            return List.of(new Instruction.Click(clause, labels(mc, x.group(1))));
        }
        if ((x = UPLOAD.matcher(m)).matches()) {
            return List.of(new Instruction.Upload(clause, labels(mc, x.group(2)), mc.restore(x.group(1))));
        }
        if ((x = FILL_WITH.matcher(m)).matches()) {
            return List.of(new Instruction.Type(clause, labels(mc, x.group(1)), mc.restore(x.group(2))));
        }
        if ((x = TYPE_INTO.matcher(m)).matches() || (x = TYPE_IN.matcher(m)).matches()) {
            return List.of(new Instruction.Type(clause, labels(mc, x.group(2)), mc.restore(x.group(1))));
        }
        if ((x = SET_TO.matcher(m)).matches()) {
            return List.of(new Instruction.Type(clause, labels(mc, x.group(1)), mc.restore(x.group(2))));
        }
        if ((x = SELECT_FROM.matcher(m)).matches()) {
            return List.of(new Instruction.Select(clause, labels(mc, x.group(2)), mc.restore(x.group(1))));
        }
        if ((x = SELECT_ALONE.matcher(m)).matches()) {
            return List.of(new Instruction.Click(clause, labels(mc, x.group(1))));
        }
        if (CHECK_THAT.matcher(m).matches()) {
            return List.of();
        }
        if ((x = CHECK.matcher(m)).matches()) {
            boolean on = !x.group(1).toLowerCase(Locale.ROOT).startsWith("un");
            return List.of(new Instruction.Check(clause, labels(mc, x.group(2)), on));
        }
        if ((x = ENSURE_CHECKED.matcher(m)).matches()) {
            boolean on = !x.group(2).toLowerCase(Locale.ROOT).contains("un") && !x.group(2).toLowerCase(Locale.ROOT).contains("not");
            return List.of(new Instruction.Check(clause, labels(mc, x.group(1)), on));
        }
        if ((x = GO_TO.matcher(m)).matches() || (x = OPEN.matcher(m)).matches()) {
            String target = mc.restore(x.group(1));
            if (URL.matcher(target).matches()) {
                return List.of(new Instruction.GoTo(clause, target));
            }
            return List.of(new Instruction.OpenPage(clause, pageLabels(mc, x.group(1))));
        }
        if ((x = SCROLL.matcher(m)).matches() || (x = SCROLL_TO.matcher(m)).matches()) {
            String dir = x.group(1).toLowerCase(Locale.ROOT);
            return List.of(new Instruction.Scroll(clause, dir.equals("bottom") ? "down" : dir.equals("top") ? "up" : dir));
        }
        if ((x = WAIT.matcher(m)).matches()) {
            double seconds = Double.parseDouble(x.group(1));
            return List.of(new Instruction.Wait(clause, x.group(2).toLowerCase(Locale.ROOT).startsWith("m") ? seconds * 60 : seconds));
        }
        if ((x = FILTER_BETWEEN.matcher(m)).matches()) {
            return List.of(
                    new Instruction.Type(clause, List.of("from", "start", "start date", "begin", "after", "min"), mc.restore(x.group(1))),
                    new Instruction.Type(clause, List.of("to", "end", "end date", "until", "before", "max"), mc.restore(x.group(2))));
        }
        if ((x = SEARCH_FOR.matcher(m)).matches()) {
            return List.of(new Instruction.Type(clause, List.of("search", "query", "q", "keywords"), mc.restore(x.group(1))),
                    new Instruction.PressEnter(clause));
        }
        if ((x = FILL_PAIRS.matcher(m)).matches()) {
            List<String> pairs = pairs(mc, x.group(1));
            if (!pairs.isEmpty()) {
                return List.of(new Instruction.FillFields(clause, pairs));
            }
        }
        if (EXTRACT.matcher(m).matches()) {
            return List.of(new Instruction.Extract(clause));
        }
        if ((x = FIND.matcher(m)).matches()) {
            String what = x.group(1).strip();
            if (TRAILING_PAGE.matcher(what).find()) {
                return List.of(new Instruction.OpenPage(clause, pageLabels(mc, what)));
            }
            return List.of(new Instruction.Find(clause, mc.restore(what)));
        }
        return List.of();
    }

    /** A login instruction: starts with "log in"/"sign in", or mentions logging in together with credentials. */
    private static boolean isLogin(String masked) {
        if (CLICK_VERB.matcher(masked).matches()) {
            return false;
        }
        return LOGIN_START.matcher(masked).matches()
                || (LOGIN_WORD.matcher(masked).find() && CREDENTIALS.matcher(masked).find());
    }

    /** "label value" parts of a fill-pairs clause; empty when a part cannot hold both a label and a value. */
    private static List<String> pairs(MaskedClause mc, String body) {
        List<String> out = new ArrayList<>();
        for (String part : body.split("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+")) {
            String restored = mc.restore(part).strip();
            if (restored.isEmpty()) {
                continue;
            }
            if (part.strip().split("\\s+").length < 2) {
                return List.of();
            }
            out.add(restored);
        }
        return out;
    }

    /** Label alternatives of a target: quoted text as is; unquoted text without "the" and kind words. */
    static List<String> labels(MaskedClause mc, String group) {
        String g = group.strip();
        g = LABELLED.matcher(g).replaceFirst("");
        if (!mc.isQuoted(g)) {
            String previous;
            do {
                previous = g;
                g = TRAILING_KIND.matcher(g).replaceFirst("").strip();
            } while (!g.equals(previous) && !g.isEmpty());
            g = g.replaceFirst("(?i)^the\\s+", "");
        }
        if (mc.isQuoted(g)) {
            return List.of(mc.restore(g));
        }
        List<String> out = new ArrayList<>();
        for (String alt : g.split("(?i)\\s+or\\s+")) {
            String restored = mc.restore(alt).replaceFirst("(?i)^the\\s+", "").strip();
            if (!restored.isEmpty()) {
                out.add(restored);
            }
        }
        return out.isEmpty() ? List.of(mc.restore(g)) : out;
    }

    private static List<String> pageLabels(MaskedClause mc, String group) {
        List<String> out = new ArrayList<>();
        for (String label : labels(mc, group)) {
            String trimmed = TRAILING_PAGE.matcher(label).replaceFirst("").replaceFirst("(?i)^(?:my|your)\\s+(?=\\S+\\s+\\S+)", "").strip();
            out.add(trimmed.isEmpty() ? label : trimmed);
        }
        return out;
    }

    private static Pattern p(String regex) {
        return Pattern.compile(regex, FLAGS);
    }
}
