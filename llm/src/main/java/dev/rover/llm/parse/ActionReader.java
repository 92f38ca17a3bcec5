package dev.rover.llm.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.page.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one action of a model's answer (Skyvern's action schema) into a {@link BrowserAction},
 * checking the type is known, the element id exists on the page and the type's required fields
 * are there. {@code complete} and {@code terminate} are not browser actions and are read by
 * {@link ResponseParser}.
 */
final class ActionReader {

    /** Every action type a model may answer with. */
    static final Set<String> KNOWN_TYPES = Set.of("click", "input_text", "select_option", "checkbox", "upload_file",
            "hover", "keypress", "scroll", "wait", "goto_url", "go_back", "new_tab", "switch_tab", "solve_captcha",
            "complete", "terminate");

    private static final int DEFAULT_SCROLL_PIXELS = 600;
    private static final double DEFAULT_WAIT_SECONDS = 2;

    private final PageSnapshot page;

    ActionReader(PageSnapshot page) {
        this.page = page;
    }

    /** The action's type, lower-cased; empty when missing. */
    static String typeOf(JsonNode action) {
        return text(action, "action_type").orElse("").toLowerCase(Locale.ROOT).trim();
    }

    /**
     * Reads a browser action; problems are added to {@code problems} (prefixed with the action's
     * position) and an empty result returned.
     */
    Optional<BrowserAction> read(JsonNode action, int position, List<String> problems) {
        String type = typeOf(action);
        String where = "action " + position + (type.isEmpty() ? "" : " (" + type + ")");
        List<String> found = new ArrayList<>();
        BrowserAction result = switch (type) {
            case "click" -> target(action, found).map(BrowserAction.Click::new).orElse(null);
            case "hover" -> target(action, found).map(BrowserAction.Hover::new).orElse(null);
            case "solve_captcha" -> new BrowserAction.SolveCaptcha(optionalTarget(action, found));
            case "input_text" -> {
                Optional<Target> t = target(action, found);
                Optional<String> text = text(action, "text");
                if (text.isEmpty()) {
                    found.add("input_text needs a \"text\" field with the value to type");
                }
                yield t.isPresent() && text.isPresent() ? new BrowserAction.InputText(t.get(), text.get()) : null;
            }
            case "select_option" -> selectOption(action, found);
            case "checkbox" -> {
                boolean checked = bool(action, "is_checked").or(() -> bool(action, "checked")).orElse(true);
                yield target(action, found).map(t -> new BrowserAction.Checkbox(t, checked)).orElse(null);
            }
            case "upload_file" -> {
                Optional<Target> t = target(action, found);
                Optional<String> file = text(action, "file_url").or(() -> text(action, "file"));
                if (file.isEmpty()) {
                    found.add("upload_file needs a \"file_url\"");
                }
                yield t.isPresent() && file.isPresent() ? new BrowserAction.UploadFile(t.get(), file.get()) : null;
            }
            case "keypress" -> {
                List<String> keys = keys(action);
                if (keys.isEmpty()) {
                    found.add("keypress needs a \"key\" (for example \"Enter\") or a \"keys\" list");
                }
                Target t = optionalTarget(action, found);
                yield keys.isEmpty() ? null : new BrowserAction.Keypress(t, keys);
            }
            case "scroll" -> {
                String direction = text(action, "direction").orElse("down").toLowerCase(Locale.ROOT);
                if (!Set.of("up", "down", "left", "right").contains(direction)) {
                    found.add("scroll direction must be up, down, left or right, got \"" + direction + "\"");
                }
                int pixels = number(action, "pixels").or(() -> number(action, "amount"))
                        .map(Number::intValue).orElse(DEFAULT_SCROLL_PIXELS);
                yield new BrowserAction.Scroll(optionalTarget(action, found), direction, pixels);
            }
            case "wait" -> new BrowserAction.Wait(number(action, "seconds").map(Number::doubleValue).orElse(DEFAULT_WAIT_SECONDS));
            case "goto_url" -> {
                Optional<String> url = text(action, "url");
                if (url.isEmpty()) {
                    found.add("goto_url needs a \"url\"");
                }
                yield url.map(BrowserAction.GotoUrl::new).orElse(null);
            }
            case "go_back" -> new BrowserAction.GoBack();
            case "new_tab" -> new BrowserAction.NewTab(text(action, "url").orElse(null));
            case "switch_tab" -> {
                Optional<Number> index = number(action, "tab_index").or(() -> number(action, "index"));
                if (index.isEmpty()) {
                    found.add("switch_tab needs a \"tab_index\"");
                } else if (page.tabs().stream().noneMatch(tab -> tab.index() == index.get().intValue())) {
                    found.add("switch_tab names tab " + index.get() + ", which is not open");
                }
                yield index.isEmpty() ? null : new BrowserAction.SwitchTab(index.get().intValue());
            }
            case "" -> {
                found.add("the action has no \"action_type\"");
                yield null;
            }
            default -> {
                found.add("\"" + type + "\" is not an action type; use one of " + String.join(", ", new java.util.TreeSet<>(KNOWN_TYPES)));
                yield null;
            }
        };
        found.forEach(p -> problems.add(where + ": " + p));
        return found.isEmpty() ? Optional.ofNullable(result) : Optional.empty();
    }

    private BrowserAction selectOption(JsonNode action, List<String> found) {
        Optional<Target> t = target(action, found);
        JsonNode option = action.get("option");
        String label = null;
        String value = null;
        Integer index = null;
        if (option != null && option.isObject()) {
            label = text(option, "label").orElse(null);
            value = text(option, "value").orElse(null);
            index = number(option, "index").map(Number::intValue).orElse(null);
        } else if (option != null && option.isTextual() && !option.asText().isBlank()) {
            label = option.asText();
        }
        if (label == null && value == null && index == null) {
            found.add("select_option needs an \"option\" with a label, value or index");
            return null;
        }
        return t.isPresent() ? new BrowserAction.SelectOption(t.get(), label, value, index) : null;
    }

    private Optional<Target> target(JsonNode action, List<String> found) {
        Optional<String> id = text(action, "id").or(() -> text(action, "element_id"));
        if (id.isEmpty()) {
            found.add("needs the \"id\" of an element on the page");
            return Optional.empty();
        }
        if (page.element(id.get()).isEmpty()) {
            found.add("element id \"" + id.get() + "\" is not on the page; use an id from the element list");
            return Optional.empty();
        }
        return Optional.of(Target.id(id.get()));
    }

    private Target optionalTarget(JsonNode action, List<String> found) {
        Optional<String> id = text(action, "id").or(() -> text(action, "element_id"));
        if (id.isEmpty()) {
            return null;
        }
        if (page.element(id.get()).isEmpty()) {
            found.add("element id \"" + id.get() + "\" is not on the page; use an id from the element list or none");
            return null;
        }
        return Target.id(id.get());
    }

    private static List<String> keys(JsonNode action) {
        List<String> keys = new ArrayList<>();
        JsonNode list = action.get("keys");
        if (list != null && list.isArray()) {
            list.forEach(k -> {
                if (!k.asText().isBlank()) {
                    keys.add(k.asText());
                }
            });
        }
        text(action, "key").ifPresent(k -> {
            if (keys.isEmpty()) {
                keys.add(k);
            }
        });
        return keys;
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return Optional.empty();
        }
        return Optional.of(v.asText());
    }

    private static Optional<Number> number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isNumber()) {
            return Optional.of(v.numberValue());
        }
        String digits = v.asText().trim();
        return digits.matches("-?\\d+(\\.\\d+)?") ? Optional.of(Double.parseDouble(digits)) : Optional.empty();
    }

    private static Optional<Boolean> bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        return Optional.of(v.isBoolean() ? v.booleanValue() : Boolean.parseBoolean(v.asText().trim()));
    }
}
