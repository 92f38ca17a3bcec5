package dev.rover.browser.bench;

/**
 * Generates the large benchmark page: an order table with 1,000 rows of text, links, buttons,
 * inputs and selects (well over 5,000 DOM elements), plus prose, so observing and rendering meet
 * the sizes of real back-office pages.
 */
final class LargePage {

    static final String PATH = "large.html";
    static final int ROWS = 1000;

    private LargePage() {
    }

    static String html() {
        StringBuilder out = new StringBuilder(600 * ROWS);
        out.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Orders</title>")
           .append("<style>body{font-family:sans-serif} td{padding:2px 6px} .note{color:#555}</style></head><body>")
           .append("<h1>Orders</h1><p class=\"note\">All orders of the last quarter. Filter with the search box;")
           .append(" open an order to see its lines, or approve it from the list.</p>")
           .append("<form><label>Search <input data-expect=\"search\" type=\"search\" name=\"q\"></label>")
           .append("<button data-expect=\"go\" type=\"submit\">Filter</button></form>");
        out.append("<table><thead><tr><th>Order</th><th>Customer</th><th>Status</th><th>Amount</th>")
           .append("<th>Note</th><th>Priority</th><th>Actions</th></tr></thead><tbody>");
        for (int i = 1; i <= ROWS; i++) {
            out.append("<tr><td><a data-expect=\"open-").append(i).append("\" href=\"/orders/").append(i)
               .append("?view=details&amp;tab=lines\">Order #").append(10_000 + i).append("</a></td>")
               .append("<td><span class=\"customer\">Customer ").append(i % 97).append(" Ltd</span></td>")
               .append("<td><em>").append(i % 3 == 0 ? "Shipped" : "Pending").append("</em></td>")
               .append("<td>").append(i * 7 % 1000).append(".00 EUR</td>")
               .append("<td><input data-expect=\"note-").append(i).append("\" name=\"note").append(i)
               .append("\" placeholder=\"Note\"></td>")
               .append("<td><select data-expect=\"prio-").append(i).append("\" name=\"prio").append(i)
               .append("\"><option>low</option><option>normal</option><option>high</option></select></td>")
               .append("<td><button data-expect=\"approve-").append(i).append("\" type=\"button\">Approve</button></td></tr>");
        }
        out.append("</tbody></table>");
        for (int i = 0; i < 40; i++) {
            out.append("<p>Paragraph ").append(i).append(": orders are approved by a manager once the customer")
               .append(" has confirmed the delivery address and the payment terms.</p>");
        }
        out.append("</body></html>");
        return out.toString();
    }
}
