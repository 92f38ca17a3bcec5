package dev.rover.browser.observe;

/**
 * How much an observation keeps: the prompt's hard size budget, the visible-text budget and the
 * per-element shortening limits. Built with {@link #builder()}; {@link #DEFAULTS} suits most pages.
 *
 * @param promptBudgetChars      hard upper bound of the prompt text, in characters
 * @param visibleTextBudgetChars upper bound of {@code PageContent.visibleText}, in characters
 * @param maxElementTextChars    an element's own text and name are cut to this length
 * @param maxHrefChars           hrefs longer than this are shortened
 * @param includeFrames          whether child frames (same- and cross-origin iframes) are observed
 * @param everyElementInFull     whether every control is read in full; by default the controls that cannot reach
 *                               the prompt (off screen, beyond what its budget holds even at their shortest) are
 *                               only indexed: id, tag, role, name, state and box
 */
public record ObserveOptions(
        int promptBudgetChars,
        int visibleTextBudgetChars,
        int maxElementTextChars,
        int maxHrefChars,
        boolean includeFrames,
        boolean everyElementInFull) {

    /** The defaults: a 24,000-character prompt, 20,000 characters of visible text, frames included. */
    public static final ObserveOptions DEFAULTS = builder().build();

    public ObserveOptions {
        requirePositive(promptBudgetChars, "promptBudgetChars");
        requirePositive(visibleTextBudgetChars, "visibleTextBudgetChars");
        requirePositive(maxElementTextChars, "maxElementTextChars");
        requirePositive(maxHrefChars, "maxHrefChars");
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException("ObserveOptions." + name + " must be positive, was " + value);
        }
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder().promptBudgetChars(promptBudgetChars).visibleTextBudgetChars(visibleTextBudgetChars)
                .maxElementTextChars(maxElementTextChars).maxHrefChars(maxHrefChars).includeFrames(includeFrames)
                .everyElementInFull(everyElementInFull);
    }

    /** Builds {@link ObserveOptions}. */
    public static final class Builder {
        private int promptBudgetChars = 24_000;
        private int visibleTextBudgetChars = 20_000;
        private int maxElementTextChars = 100;
        private int maxHrefChars = 150;
        private boolean includeFrames = true;
        private boolean everyElementInFull;

        private Builder() {
        }

        public Builder promptBudgetChars(int v) { this.promptBudgetChars = v; return this; }
        public Builder visibleTextBudgetChars(int v) { this.visibleTextBudgetChars = v; return this; }
        public Builder maxElementTextChars(int v) { this.maxElementTextChars = v; return this; }
        public Builder maxHrefChars(int v) { this.maxHrefChars = v; return this; }
        public Builder includeFrames(boolean v) { this.includeFrames = v; return this; }
        public Builder everyElementInFull(boolean v) { this.everyElementInFull = v; return this; }

        public ObserveOptions build() {
            return new ObserveOptions(promptBudgetChars, visibleTextBudgetChars, maxElementTextChars, maxHrefChars, includeFrames,
                    everyElementInFull);
        }
    }
}
