package dev.rover.blocks.replay;

import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Target;
import dev.rover.core.script.ScriptAction;

import java.util.List;
import java.util.Map;

/** Turns a script action, its element found again and its value rendered for this run, into a browser action. */
final class ReplayActions {

    private ReplayActions() {
    }

    /**
     * The browser action.
     *
     * @param target the element found again (null for a page action)
     * @param value  the action's value rendered with this run's values (null when it takes none)
     */
    static BrowserAction of(ScriptAction action, Target target, String value) {
        Map<String, Object> args = action.arguments();
        return switch (action.type()) {
            case "click" -> new BrowserAction.Click(target);
            case "input_text" -> new BrowserAction.InputText(target, value == null ? "" : value);
            case "select_option" -> switch (String.valueOf(args.getOrDefault("by", ""))) {
                case "label" -> new BrowserAction.SelectOption(target, value, null, null);
                case "value" -> new BrowserAction.SelectOption(target, null, value, null);
                default -> new BrowserAction.SelectOption(target, null, null, integer(args.get("index"), 0));
            };
            case "checkbox" -> new BrowserAction.Checkbox(target, Boolean.TRUE.equals(args.get("checked")));
            case "upload_file" -> new BrowserAction.UploadFile(target, value);
            case "hover" -> new BrowserAction.Hover(target);
            case "keypress" -> new BrowserAction.Keypress(target, keys(args.get("keys")));
            case "scroll" -> new BrowserAction.Scroll(target, String.valueOf(args.getOrDefault("direction", "down")),
                    integer(args.get("pixels"), 500));
            case "wait" -> new BrowserAction.Wait(args.get("seconds") instanceof Number n ? n.doubleValue() : 1);
            case "goto_url" -> new BrowserAction.GotoUrl(value);
            case "go_back" -> new BrowserAction.GoBack();
            case "new_tab" -> new BrowserAction.NewTab(value);
            case "switch_tab" -> new BrowserAction.SwitchTab(integer(args.get("index"), 0));
            default -> throw new IllegalArgumentException("a script cannot replay a '" + action.type() + "' action");
        };
    }

    private static int integer(Object value, int otherwise) {
        return value instanceof Number n ? n.intValue() : otherwise;
    }

    private static List<String> keys(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
