package dev.rover.samples.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The demo portal's orders: 25 fixed orders across the first half of 2026, newest first. */
public final class DemoOrders {

    /** One order as the portal shows it. */
    public record Order(String id, LocalDate date, BigDecimal total, String status, List<String> items) {
        /** The total as shown, e.g. {@code $1,234.50}. */
        public String totalText() {
            return "$" + String.format(java.util.Locale.US, "%,.2f", total);
        }
    }

    private static final String[] STATUSES = {"Delivered", "Shipped", "Processing", "Delivered", "Cancelled"};
    private static final String[] ITEMS = {"Espresso beans 1kg", "Grinder burr set", "Milk jug 600ml", "Paper filters x200",
            "Cold brew kit", "Descaling tablets", "Tamper 58mm", "Gift card"};

    private final List<Order> orders;

    public DemoOrders() {
        List<Order> list = new ArrayList<>();
        LocalDate date = LocalDate.of(2026, 6, 28);
        for (int i = 0; i < 25; i++) {
            BigDecimal total = BigDecimal.valueOf(1875 + (i * 7919L) % 48000, 2).setScale(2, RoundingMode.HALF_UP);
            List<String> items = List.of(ITEMS[i % ITEMS.length], ITEMS[(i * 3 + 1) % ITEMS.length]);
            list.add(new Order("ORD-" + (1025 - i), date, total, STATUSES[i % STATUSES.length], items));
            date = date.minusDays(5 + (i % 3) * 2L);
        }
        this.orders = List.copyOf(list);
    }

    /** Every order, newest first. */
    public List<Order> all() {
        return orders;
    }

    /** Orders whose date lies within [from, to]; a null bound is open. */
    public List<Order> between(LocalDate from, LocalDate to) {
        return orders.stream()
                .filter(o -> from == null || !o.date().isBefore(from))
                .filter(o -> to == null || !o.date().isAfter(to))
                .toList();
    }

    /** The order with this id. */
    public Optional<Order> find(String id) {
        return orders.stream().filter(o -> o.id().equals(id)).findFirst();
    }
}
