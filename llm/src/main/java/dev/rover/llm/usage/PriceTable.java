package dev.rover.llm.usage;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Prices per model, configurable because providers change them and local models cost nothing.
 * A model is found by exact name, else by the longest configured name it starts with
 * ({@code gpt-4o} prices {@code gpt-4o-2024-08-06}); an unknown model costs zero.
 */
public record PriceTable(Map<String, ModelPrice> prices) {

    /** No prices: every call costs zero. */
    public static final PriceTable EMPTY = new PriceTable(Map.of());

    public PriceTable {
        var normalised = new LinkedHashMap<String, ModelPrice>();
        prices.forEach((model, price) -> normalised.put(model.trim().toLowerCase(Locale.ROOT), price));
        prices = Map.copyOf(normalised);
    }

    /** This table with one more model priced. */
    public PriceTable with(String model, double inputPerMillion, double outputPerMillion) {
        var all = new LinkedHashMap<>(prices);
        all.put(model, new ModelPrice(BigDecimal.valueOf(inputPerMillion), BigDecimal.valueOf(outputPerMillion)));
        return new PriceTable(all);
    }

    /** The price of a model, if the table knows it. */
    public Optional<ModelPrice> priceOf(String model) {
        if (model == null) {
            return Optional.empty();
        }
        String key = model.trim().toLowerCase(Locale.ROOT);
        ModelPrice exact = prices.get(key);
        if (exact != null) {
            return Optional.of(exact);
        }
        return prices.entrySet().stream()
                .filter(e -> key.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue);
    }

    /** The cost of a call to this model; zero when the model is not priced. */
    public BigDecimal cost(String model, long inputTokens, long outputTokens) {
        return priceOf(model).map(p -> p.cost(inputTokens, outputTokens)).orElse(BigDecimal.ZERO);
    }

    /**
     * Reads {@code model=input/output} entries separated by commas, prices per million tokens,
     * for example {@code gpt-4o=2.5/10,gpt-4o-mini=0.15/0.6}.
     *
     * @throws IllegalArgumentException naming the entry that does not have that shape
     */
    public static PriceTable parse(String spec) {
        var all = new LinkedHashMap<String, ModelPrice>();
        if (spec == null || spec.isBlank()) {
            return EMPTY;
        }
        for (String entry : spec.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            int slash = trimmed.indexOf('/', Math.max(eq, 0));
            if (eq <= 0 || slash < 0) {
                throw new IllegalArgumentException("price entry '" + trimmed
                        + "' is not model=input/output (prices per million tokens, e.g. gpt-4o=2.5/10)");
            }
            try {
                all.put(trimmed.substring(0, eq).trim(), new ModelPrice(
                        new BigDecimal(trimmed.substring(eq + 1, slash).trim()),
                        new BigDecimal(trimmed.substring(slash + 1).trim())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("price entry '" + trimmed + "' has a price that is not a number", e);
            }
        }
        return new PriceTable(all);
    }
}
