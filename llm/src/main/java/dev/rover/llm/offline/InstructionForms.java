package dev.rover.llm.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one clause into typed instructions: the verb picks the form, {@link TargetPhrase} reads
 * what the target is called, {@link ValuePhrase} reads values (lists of "label value" pairs, text
 * transforms). A clause that fits no form yields nothing: the engine refuses rather than guesses.
 */
final class InstructionForms {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Pattern PRESS_ENTER = p("^(?:press|hit|type|push)\\s+(?:the\\s+)?(?:enter|return)(?:\\s+key)?(?:\\s+(?:on|in)\\s+.*)?$");
    private static final Pattern SUBMIT = p("^(?:submit|send)(?:\\s+(?:it|(?:the|this)(?:\\s+form)?|form))?(?:\\s+only\\s+once)?$");
    private static final Pattern FIND_AND_CLICK = p("^(?:find|locate)\\s+(.+?)\\s+and\\s+(?:click|press|tap)\\s+(?:on\\s+)?it$");
    private static final Pattern CLOSE_DIALOG = p("^(?:close|dismiss|exit)\\s+(?:the\\s+)?(?:dialog|modal|popup|pop-up|overlay|window)(?:\\s+(?:with|using|by|via|through)\\b.*)?$");
    private static final Pattern CLICK = p("^(?:click|press|tap|hit|toggle)\\s+(?:on\\s+)?(.+)$");
    private static final Pattern BARE_ACTION = p("^(save|send|add|apply|continue|confirm|subscribe|register|search|book|order|place|finish|cancel)(?:\\s+(?:the|it|this|my|your)(?:\\s+(\\w+))?)?$");
    private static final Pattern TYPE_VERB = p("^(?:enter|type|input|put|write|insert|key\\s+in|use|give)\\s+(.+)$");
    private static final Pattern LABEL_COLON = p("^([^:§]{1,40}):\\s+(?:(?:fill|type|enter|put)\\s+(?:in\\s+)?(?:with\\s+)?)?(.+)$");
    private static final Pattern FOCUS = p("^(?:focus(?:\\s+on)?|put\\s+(?:the\\s+)?(?:cursor|focus)\\s+(?:in|on|into)|place\\s+(?:the\\s+)?cursor\\s+(?:in|into)"
            + "|move\\s+(?:the\\s+)?focus\\s+(?:to|into)|set\\s+(?:the\\s+)?focus\\s+(?:on|to)|give\\s+focus\\s+to|click\\s+into)\\s+(.+)$");
    private static final Pattern EXPAND = p("^(expand|unfold|collapse|fold)\\s+(?:up\\s+)?(.+?)$");
    private static final Pattern OPEN_SECTION = p("^(open|show|reveal|close|hide)\\s+(.+?\\s+(?:section|panel|details|accordion|part|group))$");
    private static final Pattern SECTION_WORD = p("\\s+(?:section|panel|details|accordion|part|group)$");
    private static final Pattern SUGGESTION = p("^(?:select|choose|pick|take|click)\\s+(?:on\\s+)?(?:an?|the|any|one)\\s+(?:\\w+\\s+)?(?:item|suggestion|option|entry|result|match|value|city|country)"
            + "\\s+(?:that\\s+|which\\s+)?(?:starts?|starting|begins?|beginning)\\s+with\\s+(.+?)(?:\\s+(?:from|in|for|on)\\s+(.+))?$");
    private static final Pattern FILL = p("^(?:fill(?:\\s+in|\\s+out)?|complete|populate)\\s+(.+)$");
    private static final Pattern SET = p("^(?:set|change)\\s+(.+)$");
    private static final Pattern TYPE_INTO = p("^(?:enter|type|input|put|write|fill(?:\\s+in)?|insert|key\\s+in)\\s+(.+?)\\s+(?:into|inside)\\s+(.+)$");
    private static final Pattern TYPE_IN = p("^(?:enter|type|input|put|write|fill(?:\\s+in)?|insert|key\\s+in)\\s+(.+?)\\s+(?:in|on)\\s+(.+)$");
    private static final Pattern TYPE_AS = p("^(?:enter|type|input|put|write|use|give|set)\\s+(.+?)\\s+as\\s+(.+)$");
    private static final Pattern SELECT_AS = p("^(?:select|choose|pick)\\s+(.+?)\\s+as\\s+(.+)$");
    private static final Pattern CLEAR = p("^(?:clear|empty|erase)\\s+(?:out\\s+)?(.+)$");
    private static final Pattern UPLOAD = p("^(?:upload|attach)\\s+(?:the\\s+)?(?:file\\s+)?(.+?)\\s+(?:to|into|in|as|using|with|for)\\s+(.+)$");
    private static final Pattern EXTRACT = p("^(?:extract|get|read|collect|scrape|retrieve|capture|report|summari[sz]e|list|return)\\b.+$");
    private static final Pattern SELECT_FROM = p("^(?:select|choose|pick)\\s+(.+?)\\s+(?:from|in|for|on)\\s+(.+)$");
    private static final Pattern SELECT_ALONE = p("^(?:select|choose|pick)\\s+(.+)$");
    private static final Pattern CHECK_THAT = p("^(?:check|tick)\\s+(?:that|if|whether|for|to see)\\b.*$");
    private static final Pattern CHECK = p("^(check|tick|uncheck|untick|mark|unmark|accept|enable|disable|turn\\s+on|turn\\s+off|switch\\s+on|switch\\s+off)\\s+(.+)$");
    private static final Pattern ENSURE_CHECKED = p("^(?:make sure|ensure)\\s+(?:that\\s+)?(.+?)\\s+is\\s+(checked|ticked|unchecked|not checked)$");
    private static final Pattern GO_TO = p("^(?:go|navigate|browse|head|switch)\\s+(?:over\\s+)?to\\s+(.+)$");
    private static final Pattern OPEN = p("^(?:open|visit|load)\\s+(.+)$");
    private static final Pattern URL = p("^(?:https?://\\S+|www\\.\\S+|[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}(?::\\d+)?(?:/\\S*)?)$");
    private static final Pattern SCROLL = p("^scroll\\s+(?:the\\s+page\\s+)?(down|up)\\b.*$");
    private static final Pattern SCROLL_TO = p("^scroll\\s+to\\s+the\\s+(bottom|top)\\b.*$");
    private static final Pattern WAIT = p("^wait\\s+(?:for\\s+)?(\\d+(?:\\.\\d+)?)\\s*(seconds?|secs?|s|minutes?|mins?)$");
    private static final Pattern FILTER_BETWEEN = p("^filter\\s+(?:.+?\\s+)?(?:between|from)\\s+(.+?)\\s+(?:and|to|until|through)\\s+(.+)$");
    private static final Pattern SEARCH_FOR = p("^search\\s+for\\s+(§\\d+§)$");
    private static final Pattern FIND = p("^(?:find|locate|look for)\\s+(?:the\\s+)?(.+)$");
    private static final Pattern IN_FIELD_PREFIX = p("^(?:in|into|on|for)\\s+(.+?)\\s*,\\s*(.+)$");
    private static final Pattern LOGIN_WORD = p("\\b(?:log\\s?in|log-in|login|sign\\s?in|sign-in|signin|log\\s+on)\\b");
    private static final Pattern LOGIN_START = p("^(?:please\\s+)?(?:try\\s+to\\s+)?(?:log\\s?in|log-in|login|sign\\s?in|sign-in|signin|log\\s+on)\\b.*");
    private static final Pattern CREDENTIALS = p("\\bcredentials?\\b");
    private static final Pattern COOKIES = p("\\b(?:cookies?|consent)\\b");
    private static final Pattern CLICK_VERB = p("^(?:click|press|tap|hit)\\b.*");
    private static final Pattern TRAILING_PAGE = p("\\s+(?:page|view|section|screen|tab)$");
    private static final Pattern WHOLE_FORM = p("^(?:the\\s+)?(?:form|fields|details|following|following fields|whole form|entire form)$");

    private InstructionForms() {
    }

    /** The instructions of one clause, or an empty list when the clause fits no known form. */
    static List<Instruction> match(String clause) {
        MaskedClause mc = MaskedClause.of(clause);
        ValuePhrase.Transform transform = ValuePhrase.transformIn(mc.masked());
        if (transform != ValuePhrase.Transform.NONE) {
            // "type \"marta\" in capitals into Name": only a typed value can be transformed
            List<Instruction> typed = withPrefix(clause, mc, ValuePhrase.withoutTransform(mc.masked()).strip());
            if (!typed.isEmpty() && typed.stream().allMatch(i -> i instanceof Instruction.Type || i instanceof Instruction.FillFields)) {
                return typed.stream().map(i -> transform(i, transform)).toList();
            }
        }
        return withPrefix(clause, mc, mc.masked().strip());
    }

    private static List<Instruction> withPrefix(String clause, MaskedClause mc, String m) {
        List<Instruction> out = forms(clause, mc, m);
        Matcher x;
        if (out.isEmpty() && (x = IN_FIELD_PREFIX.matcher(m)).matches()) {
            // "In the City field, pick an item that starts with Ber": the field named up front is the target
            TargetSpec field = TargetPhrase.parse(mc, x.group(1));
            out = forms(clause, mc, x.group(2).strip()).stream().map(i -> retarget(i, field)).toList();
        }
        return out;
    }

    private static List<Instruction> forms(String clause, MaskedClause mc, String m) {
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
        if (CLOSE_DIALOG.matcher(m).matches()) {
            return List.of(new Instruction.Click(clause, new TargetSpec(List.of(), Role.CLOSE, 0, false, TargetSpec.DIALOG)));
        }
        if ((x = FOCUS.matcher(m)).matches()) {
            return List.of(new Instruction.Focus(clause, TargetPhrase.parse(mc, x.group(1))));
        }
        if ((x = SUGGESTION.matcher(m)).matches()) {
            TargetSpec field = x.group(2) == null ? new TargetSpec(List.of(), Role.ANY, 0, false, "") : TargetPhrase.parse(mc, x.group(2));
            return List.of(new Instruction.PickSuggestion(clause, field, mc.restore(x.group(1))));
        }
        if ((x = FIND_AND_CLICK.matcher(m)).matches() || (x = CLICK.matcher(m)).matches()) {
            return List.of(new Instruction.Click(clause, TargetPhrase.parse(mc, x.group(1))));
        }
        if ((x = EXPAND.matcher(m)).matches() || (x = OPEN_SECTION.matcher(m)).matches()) {
            String verb = x.group(1).toLowerCase(Locale.ROOT);
            boolean open = List.of("expand", "unfold", "open", "show", "reveal").contains(verb);
            String what = SECTION_WORD.matcher(x.group(2).strip()).replaceFirst("");
            return List.of(new Instruction.Expand(clause, TargetPhrase.parse(mc, what), open));
        }
        if ((x = UPLOAD.matcher(m)).matches()) {
            return List.of(new Instruction.Upload(clause, TargetPhrase.labels(mc, x.group(2)), mc.restore(x.group(1))));
        }
        if ((x = FILL.matcher(m)).matches()) {
            List<Instruction> fill = fill(clause, mc, x.group(1));
            if (!fill.isEmpty()) {
                return fill;
            }
        }
        if ((x = TYPE_VERB.matcher(m)).matches()) {
            // "type John Smith into Full name and john@example.com into Email", "enter \"ana\" as the user name and \"x9\" as the password"
            List<ValuePhrase.Pair> pairs = ValuePhrase.valueFirstPairs(x.group(1));
            if (pairs.size() >= 2) {
                return pairs.stream().<Instruction>map(pr -> new Instruction.Type(clause, TargetPhrase.parse(mc, pr.target()),
                        mc.restore(ValuePhrase.value(pr.value())))).toList();
            }
        }
        if ((x = TYPE_INTO.matcher(m)).matches() || (x = TYPE_IN.matcher(m)).matches()) {
            return typeInto(clause, mc, x.group(1), x.group(2));
        }
        if ((x = SELECT_AS.matcher(m)).matches()) {
            return List.of(new Instruction.Select(clause, TargetPhrase.parse(mc, x.group(2)), mc.restore(x.group(1))));
        }
        if ((x = TYPE_AS.matcher(m)).matches()) {
            return List.of(new Instruction.Type(clause, TargetPhrase.parse(mc, x.group(2)), mc.restore(ValuePhrase.value(x.group(1)))));
        }
        if ((x = BARE_ACTION.matcher(m)).matches()) {
            // "then save", "place the order": the button is named by the verb (and its object)
            String verb = x.group(1);
            List<String> labels = x.group(2) == null ? List.of(verb) : List.of(verb + " " + x.group(2), verb);
            return List.of(new Instruction.Click(clause, new TargetSpec(labels, Role.BUTTON, 0, false, "")));
        }
        if ((x = SET.matcher(m)).matches()) {
            List<ValuePhrase.Pair> pairs = ValuePhrase.pairs(mc, x.group(1), "to");
            if (!pairs.isEmpty()) {
                return pairs.stream().<Instruction>map(pr -> new Instruction.Type(clause, TargetPhrase.parse(mc, pr.target()), mc.restore(pr.value()))).toList();
            }
        }
        if ((x = CLEAR.matcher(m)).matches()) {
            return List.of(new Instruction.Type(clause, TargetPhrase.parse(mc, x.group(1)), ""));
        }
        if ((x = SELECT_FROM.matcher(m)).matches()) {
            return List.of(new Instruction.Select(clause, TargetPhrase.parse(mc, x.group(2)), mc.restore(x.group(1))));
        }
        if ((x = SELECT_ALONE.matcher(m)).matches()) {
            return List.of(new Instruction.Click(clause, TargetPhrase.parse(mc, x.group(1))));
        }
        if (CHECK_THAT.matcher(m).matches()) {
            return List.of();
        }
        if ((x = CHECK.matcher(m)).matches()) {
            String verb = x.group(1).toLowerCase(Locale.ROOT);
            boolean on = !verb.startsWith("un") && !verb.equals("disable") && !verb.endsWith("off");
            return List.of(new Instruction.Check(clause, TargetPhrase.parse(mc, x.group(2)), on));
        }
        if ((x = ENSURE_CHECKED.matcher(m)).matches()) {
            String state = x.group(2).toLowerCase(Locale.ROOT);
            return List.of(new Instruction.Check(clause, TargetPhrase.parse(mc, x.group(1)), !state.contains("un") && !state.contains("not")));
        }
        if ((x = GO_TO.matcher(m)).matches() || (x = OPEN.matcher(m)).matches()) {
            String target = mc.restore(x.group(1)).replaceFirst("(?i)^the\\s+", "");
            if (URL.matcher(target).matches()) {
                return List.of(new Instruction.GoTo(clause, target));
            }
            TargetSpec tab = TargetPhrase.parse(mc, x.group(1));
            if (tab.role() == Role.TAB) {
                return List.of(new Instruction.Click(clause, tab));
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
        if ((x = LABEL_COLON.matcher(m)).matches() && !ClauseSplitter.startsWithVerb(x.group(2))) {
            // "Name: Marta", "Full name: fill with Bo Ek"
            return List.of(new Instruction.Type(clause, TargetPhrase.parse(mc, x.group(1)), mc.restore(x.group(2).strip())));
        }
        return List.of();
    }

    /**
     * "Fill in Full name with John Smith and Email with john@example.com", "fill the form with name
     * John Smith and email john@example.com", "fill first name Ann, last name Lee".
     */
    private static List<Instruction> fill(String clause, MaskedClause mc, String body) {
        List<ValuePhrase.Pair> pairs = ValuePhrase.pairs(mc, body, "with");
        if (!pairs.isEmpty()) {
            if (pairs.size() == 1 && WHOLE_FORM.matcher(pairs.get(0).target().strip()).matches()) {
                List<String> unnamed = ValuePhrase.labelValueList(mc, pairs.get(0).value());
                return unnamed.isEmpty() ? List.of() : List.of(new Instruction.FillFields(clause, unnamed));
            }
            return pairs.stream().map(ValuePhrase::containerFromValue).<Instruction>map(pr ->
                    new Instruction.Type(clause, TargetPhrase.parse(mc, pr.target()), mc.restore(pr.value()))).toList();
        }
        List<String> unnamed = ValuePhrase.labelValueList(mc, body);
        return unnamed.isEmpty() ? List.of() : List.of(new Instruction.FillFields(clause, unnamed));
    }

    /**
     * "type X into A", "type the user name \"ana\" and the password \"x9\" into the fields",
     * "type \"a\" and \"b\" into the two boxes", "type \"hi\" into both fields".
     */
    private static List<Instruction> typeInto(String clause, MaskedClause mc, String values, String targetPhrase) {
        TargetSpec target = TargetPhrase.parse(mc, targetPhrase.replaceFirst("(?i)^(?:the\\s+)?(?:two|three|four)\\s+", "all "));
        List<ValuePhrase.Pair> named = ValuePhrase.namedQuotedValues(values);
        if (named.size() >= 2) {
            List<Instruction> out = new ArrayList<>();
            for (ValuePhrase.Pair pr : named) {
                TargetSpec field = TargetPhrase.parse(mc, pr.target());
                out.add(new Instruction.Type(clause, new TargetSpec(field.labels(), field.role() == Role.ANY ? target.role() : field.role(),
                        0, false, target.container()), mc.restore(pr.value())));
            }
            return out;
        }
        List<String> quoted = ValuePhrase.quotedList(values);
        if (quoted.size() >= 2 && (target.all() || TargetPhrase.roleOnly(target))) {
            List<Instruction> out = new ArrayList<>();
            for (int i = 0; i < quoted.size(); i++) {
                out.add(new Instruction.Type(clause, target.nth(i + 1), mc.restore(quoted.get(i))));
            }
            return out;
        }
        return List.of(new Instruction.Type(clause, target, mc.restore(ValuePhrase.value(values))));
    }

    private static Instruction retarget(Instruction i, TargetSpec field) {
        if (i instanceof Instruction.PickSuggestion p && p.target().labels().isEmpty()) {
            return new Instruction.PickSuggestion(p.clause(), field, p.prefix());
        }
        if (i instanceof Instruction.Type t && t.target().labels().isEmpty()) {
            return new Instruction.Type(t.clause(), field, t.value());
        }
        if (i instanceof Instruction.Select s && s.target().labels().isEmpty()) {
            return new Instruction.Select(s.clause(), field, s.option());
        }
        if (i instanceof Instruction.Click c) {
            return new Instruction.Click(c.clause(), new TargetSpec(c.target().labels(), c.target().role(), c.target().ordinal(),
                    c.target().all(), field.labels().isEmpty() ? c.target().container() : field.labels().get(0)));
        }
        return i;
    }

    private static Instruction transform(Instruction i, ValuePhrase.Transform t) {
        if (i instanceof Instruction.Type type) {
            return new Instruction.Type(type.clause(), type.target(), t.apply(type.value()));
        }
        if (i instanceof Instruction.FillFields f) {
            return new Instruction.FillFields(f.clause(), f.labelValuePairs().stream().map(t::apply).toList());
        }
        return i;
    }

    /** A login instruction: starts with "log in"/"sign in", or mentions logging in together with credentials. */
    private static boolean isLogin(String masked) {
        if (CLICK_VERB.matcher(masked).matches()) {
            return false;
        }
        return LOGIN_START.matcher(masked).matches()
                || (LOGIN_WORD.matcher(masked).find() && CREDENTIALS.matcher(masked).find());
    }

    private static List<String> pageLabels(MaskedClause mc, String group) {
        List<String> out = new ArrayList<>();
        for (String label : TargetPhrase.labels(mc, group)) {
            String trimmed = TRAILING_PAGE.matcher(label).replaceFirst("").replaceFirst("(?i)^(?:my|your)\\s+(?=\\S+\\s+\\S+)", "").strip();
            out.add(trimmed.isEmpty() ? label : trimmed);
        }
        return out;
    }

    private static Pattern p(String regex) {
        return Pattern.compile(regex, FLAGS);
    }
}
