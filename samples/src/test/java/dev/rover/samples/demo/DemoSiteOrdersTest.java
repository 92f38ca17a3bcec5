package dev.rover.samples.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The order list's date filter and pagination, the order details and the PDF invoice, over plain HTTP. */
class DemoSiteOrdersTest {

    private static final DemoAccount ACCOUNT = DemoAccount.standard();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T10:15:00Z"), ZoneOffset.UTC);
    private static final Pattern ROW = Pattern.compile("<tr><td>(ORD-\\d{4})</td><td>(\\d{4}-\\d{2}-\\d{2})</td><td>(\\$[\\d,.]+)</td>");
    private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]+)\">(Previous page|Next page)</a>");

    private static DemoSite site;
    private static PortalClient client;

    @BeforeAll
    static void signIn() throws Exception {
        site = DemoSite.start(ACCOUNT, CLOCK);
        client = PortalClient.signedIn(site, ACCOUNT, CLOCK);
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void ordersPageKeepsTheLabelsTheSampleWorkflowsUse() throws Exception {
        String body = client.get("/orders").body();

        assertThat(body).contains("<label for=\"from\">From date</label>", "<label for=\"to\">To date</label>",
                "type=\"date\"", ">Filter</button>", "<caption>Order history</caption>");
    }

    @Test
    void firstPageShowsTheNewestTenWithOnlyANextLink() throws Exception {
        HttpResponse<String> page = client.get("/orders");

        List<Row> rows = rows(page.body());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(rows).hasSize(DemoSite.PAGE_SIZE);
        assertThat(page.body()).doesNotContain("No orders match");
        assertThat(rows.get(0).id()).isEqualTo("ORD-1025");
        assertThat(rows).extracting(Row::date).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(page.body()).contains("25 orders · Page 1 of 3");
        assertThat(links(page.body())).containsOnlyKeys("Next page").containsEntry("Next page", "/orders?page=2");
    }

    @Test
    void followingNextAndPreviousWalksEveryOrderOnce() throws Exception {
        Set<String> seen = new HashSet<>();
        String path = "/orders";
        int pages = 0;
        while (path != null) {
            String body = client.get(path).body();
            pages++;
            assertThat(body).contains("Page " + pages + " of 3");
            for (Row row : rows(body)) {
                assertThat(seen.add(row.id())).as("order %s shown twice", row.id()).isTrue();
            }
            path = links(body).get("Next page");
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(25);
        String last = client.get("/orders?page=3").body();
        assertThat(rows(last)).hasSize(5);
        assertThat(links(last)).containsOnlyKeys("Previous page").containsEntry("Previous page", "/orders?page=2");
        assertThat(links(client.get("/orders?page=2").body())).containsOnlyKeys("Previous page", "Next page");
    }

    @Test
    void pageNumberOutOfRangeIsClamped() throws Exception {
        assertThat(client.get("/orders?page=99").body()).contains("Page 3 of 3");
        assertThat(client.get("/orders?page=0").body()).contains("Page 1 of 3");
        assertThat(client.get("/orders?page=two").body()).contains("Page 1 of 3");
    }

    @Test
    void dateFilterShowsExactlyTheOrdersInRange() throws Exception {
        LocalDate from = LocalDate.parse("2026-03-01");
        LocalDate to = LocalDate.parse("2026-04-30");
        long expected = site.orders().all().stream()
                .filter(o -> !o.date().isBefore(from) && !o.date().isAfter(to)).count();

        String body = client.get("/orders?from=2026-03-01&to=2026-04-30").body();

        List<Row> rows = rows(body);
        assertThat(expected).isBetween(1L, (long) DemoSite.PAGE_SIZE);
        assertThat(rows).hasSize((int) expected);
        assertThat(rows).allSatisfy(row -> assertThat(row.date()).isBetween(from, to));
        assertThat(body).contains(expected + " orders between 2026-03-01 and 2026-04-30 · Page 1 of 1",
                "value=\"2026-03-01\"", "value=\"2026-04-30\"");
        assertThat(links(body)).isEmpty();
    }

    @Test
    void filterBoundsAreInclusive() throws Exception {
        String newest = "2026-06-28";

        List<Row> rows = rows(client.get("/orders?from=" + newest + "&to=" + newest).body());

        assertThat(rows).extracting(Row::id).containsExactly("ORD-1025");
    }

    @Test
    void paginationKeepsTheFilter() throws Exception {
        LocalDate from = LocalDate.parse("2026-04-01");
        long expected = site.orders().all().stream().filter(o -> !o.date().isBefore(from)).count();

        String first = client.get("/orders?from=2026-04-01").body();
        String next = links(first).get("Next page");
        String second = client.get(next).body();

        assertThat(expected).isBetween(DemoSite.PAGE_SIZE + 1L, 2L * DemoSite.PAGE_SIZE);
        assertThat(next).isEqualTo("/orders?page=2&from=2026-04-01");
        assertThat(rows(first).size() + rows(second).size()).isEqualTo((int) expected);
        assertThat(rows(second)).allSatisfy(row -> assertThat(row.date()).isAfterOrEqualTo(from));
        assertThat(second).contains(expected + " orders between 2026-04-01 and today · Page 2 of 2");
    }

    @Test
    void emptyRangeShowsNoRowsAndOnePage() throws Exception {
        String body = client.get("/orders?from=2027-01-01&to=2027-12-31").body();

        assertThat(rows(body)).isEmpty();
        assertThat(body).contains("0 orders between 2027-01-01 and 2027-12-31 · Page 1 of 1", "No orders match these dates.");
    }

    @Test
    void orderDetailsShowTheOrderAndAnInvoiceLink() throws Exception {
        DemoOrders.Order order = site.orders().find("ORD-1023").orElseThrow();

        HttpResponse<String> page = client.get("/orders/ORD-1023");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Order ORD-1023</h1>",
                "<dt>Date</dt><dd>" + order.date() + "</dd>",
                "<dt>Total</dt><dd>" + order.totalText() + "</dd>",
                "<dt>Status</dt><dd>" + order.status() + "</dd>",
                "<dt>Items</dt><dd>" + String.join(", ", order.items()) + "</dd>",
                "<a href=\"/orders/ORD-1023/invoice.pdf\">Download invoice</a>");
        assertThat(client.get("/orders").body()).contains("<a href=\"/orders/ORD-1023\">View ORD-1023</a>");
    }

    @Test
    void invoiceIsAnAttachmentNamedAfterTheOrder() throws Exception {
        HttpResponse<byte[]> response = client.getBytes("/orders/ORD-1017/invoice.pdf");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"invoice-ORD-1017.pdf\"");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
    }

    @Test
    void invoiceIsAWellFormedPdfWhoseXrefPointsAtEveryObject() throws Exception {
        DemoOrders.Order order = site.orders().find("ORD-1017").orElseThrow();
        byte[] pdf = client.getBytes("/orders/ORD-1017/invoice.pdf").body();
        String text = new String(pdf, StandardCharsets.ISO_8859_1);

        assertThat(text).startsWith("%PDF-1.4\n").endsWith("%%EOF\n");
        Matcher startxref = Pattern.compile("startxref\n(\\d+)\n%%EOF\n$").matcher(text);
        assertThat(startxref.find()).as("startxref at the end").isTrue();
        int xref = Integer.parseInt(startxref.group(1));
        assertThat(text.substring(xref)).startsWith("xref\n0 ");

        Matcher header = Pattern.compile("xref\n0 (\\d+)\n").matcher(text).region(xref, text.length());
        assertThat(header.lookingAt()).isTrue();
        int count = Integer.parseInt(header.group(1));
        int entryStart = header.end();
        assertThat(text.substring(entryStart, entryStart + 20)).isEqualTo("0000000000 65535 f \n");
        for (int n = 1; n < count; n++) {
            String entry = text.substring(entryStart + 20 * n, entryStart + 20 * (n + 1));
            assertThat(entry).as("xref entry %d", n).matches("\\d{10} 00000 n \n");
            int offset = Integer.parseInt(entry.substring(0, 10));
            assertThat(text.substring(offset)).as("object %d at offset %d", n, offset).startsWith(n + " 0 obj\n");
        }
        assertThat(text.substring(entryStart + 20 * count)).startsWith("trailer\n<< /Size " + count + " /Root 1 0 R >>");
        assertThat(text).contains("/Type /Catalog", "/Type /Page ", "/BaseFont /Helvetica",
                "(Order: ORD-1017) Tj", "(Total: " + order.totalText() + ") Tj", "(Acme Supplies - Invoice INV-1017) Tj");
    }

    @Test
    void invoiceStreamLengthMatchesItsData() throws Exception {
        String text = new String(client.getBytes("/orders/ORD-1001/invoice.pdf").body(), StandardCharsets.ISO_8859_1);

        Matcher stream = Pattern.compile("<< /Length (\\d+) >>\nstream\n").matcher(text);
        assertThat(stream.find()).isTrue();
        int length = Integer.parseInt(stream.group(1));
        int dataEnd = stream.end() + length;
        assertThat(text.substring(stream.end(), dataEnd)).startsWith("BT ").endsWith("ET\n");
        assertThat(text.substring(dataEnd)).startsWith("\nendstream\nendobj\n");
    }

    private static List<Row> rows(String html) {
        List<Row> rows = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            rows.add(new Row(m.group(1), LocalDate.parse(m.group(2))));
        }
        return rows;
    }

    private static java.util.Map<String, String> links(String html) {
        java.util.Map<String, String> links = new java.util.LinkedHashMap<>();
        Matcher m = LINK.matcher(html);
        while (m.find()) {
            links.put(m.group(2), m.group(1).replace("&amp;", "&"));
        }
        return links;
    }

    private record Row(String id, LocalDate date) {
    }
}
