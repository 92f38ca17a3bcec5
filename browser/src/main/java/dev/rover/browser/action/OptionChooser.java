package dev.rover.browser.action;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses an option by label, value or index, in a native {@code <select>} or in a custom
 * listbox/combobox (opened by a click, then the {@code role=option} matching the label is clicked).
 */
final class OptionChooser {

    private final double timeoutMillis;
    private final boolean direct;

    /** @param direct whether actions may skip Playwright's waits ({@link ActionExecutor}: when no trace records) */
    OptionChooser(double timeoutMillis, boolean direct) {
        this.timeoutMillis = timeoutMillis;
        this.direct = direct;
    }

    void choose(FoundElement element, String label, String value, Integer index) {
        if (isBlank(label) && isBlank(value) && index == null) {
            throw new ActionFailure("select_option on " + element.name() + " needs a label, a value or an index");
        }
        ElementActions.requireEnabled(element);
        if ("select".equals(element.tag())) {
            chooseNative(element, element.selectOptions(), label, value, index);
        } else {
            ElementActions.requireVisible(element);
            chooseCustom(element, label, value, index);
        }
    }

    private void chooseNative(FoundElement element, List<Map<String, Object>> options, String label, String value, Integer index) {
        List<String> labels = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Map<String, Object> option : options) {
            labels.add(String.valueOf(option.get("label")));
            values.add(String.valueOf(option.get("value")));
        }
        int chosen = pick(labels, values, label, value, index);
        if (chosen < 0) {
            throw new ActionFailure(element.name() + " has no option " + describe(label, value, index)
                    + "; its options are " + labels);
        }
        if (DirectInput.choose(element, chosen, direct)) {
            return;
        }
        try {
            element.locator().selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(chosen),
                    new Locator.SelectOptionOptions().setTimeout(timeoutMillis)
                            // Skinned pages hide the native select behind their own widget; it still takes the choice.
                            .setForce(true));
        } catch (PlaywrightException e) {
            throw new ActionFailure(FailureReasons.interaction("select an option of", element.name(), e));
        }
    }

    private void chooseCustom(FoundElement element, String label, String value, Integer index) {
        Locator options = optionsOf(element);
        try {
            if (options.count() == 0) {
                element.locator().click(new Locator.ClickOptions().setTimeout(timeoutMillis));
            }
            options.first().waitFor(new Locator.WaitForOptions()
                    .setState(WaitForSelectorState.VISIBLE).setTimeout(timeoutMillis));
        } catch (PlaywrightException e) {
            throw new ActionFailure(element.name() + " did not open a list of options: " + FailureReasons.firstLine(e));
        }
        List<String> labels = new ArrayList<>();
        List<String> values = new ArrayList<>();
        int count = options.count();
        for (int i = 0; i < count; i++) {
            Locator option = options.nth(i);
            labels.add(option.innerText().trim());
            String dataValue = option.getAttribute("data-value");
            values.add(dataValue == null ? option.innerText().trim() : dataValue);
        }
        int chosen = pick(labels, values, label, value, index);
        if (chosen < 0) {
            throw new ActionFailure(element.name() + " has no option " + describe(label, value, index)
                    + "; its options are " + labels);
        }
        try {
            options.nth(chosen).click(new Locator.ClickOptions().setTimeout(timeoutMillis));
        } catch (PlaywrightException e) {
            throw new ActionFailure(FailureReasons.interaction("click option '" + labels.get(chosen) + "' of",
                    element.name(), e));
        }
    }

    /** The visible options the element controls (aria-controls / aria-owns), contains, or else any visible option of its frame. */
    private static Locator optionsOf(FoundElement element) {
        Locator.FilterOptions visible = new Locator.FilterOptions().setVisible(true);
        Locator inside = element.locator().getByRole(AriaRole.OPTION).filter(visible);
        if (inside.count() > 0) {
            return inside;
        }
        for (String attribute : new String[] {"aria-controls", "aria-owns"}) {
            String id = element.locator().getAttribute(attribute);
            if (id != null && !id.isBlank()) {
                return element.frame().locator("[id=\"" + id.trim().split("\\s+")[0] + "\"]")
                        .getByRole(AriaRole.OPTION).filter(visible);
            }
        }
        return element.frame().getByRole(AriaRole.OPTION).filter(visible);
    }

    /** The index of the wanted option: exact label, then exact value, then label ignoring case, then index. */
    private static int pick(List<String> labels, List<String> values, String label, String value, Integer index) {
        if (!isBlank(label)) {
            int at = labels.indexOf(label.trim());
            if (at >= 0) {
                return at;
            }
        }
        if (!isBlank(value)) {
            int at = values.indexOf(value);
            if (at >= 0) {
                return at;
            }
        }
        for (String wanted : new String[] {label, value}) {
            if (!isBlank(wanted)) {
                for (int i = 0; i < labels.size(); i++) {
                    if (labels.get(i).equalsIgnoreCase(wanted.trim())) {
                        return i;
                    }
                }
            }
        }
        if (index != null && index >= 0 && index < labels.size()) {
            return index;
        }
        return -1;
    }

    private static String describe(String label, String value, Integer index) {
        List<String> parts = new ArrayList<>();
        if (!isBlank(label)) {
            parts.add("labelled '" + label + "'");
        }
        if (!isBlank(value)) {
            parts.add("with value '" + value + "'");
        }
        if (index != null) {
            parts.add("at index " + index);
        }
        return String.join(" or ", parts);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
