package dev.rover.llm.offline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.core.json.Json;
import dev.rover.core.page.Element;
import dev.rover.core.page.PageContent;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.engine.ExtractRequest;
import dev.rover.core.engine.Extraction;
import dev.rover.core.engine.Usage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineExtractTest {

    private final OfflineEngine engine = new OfflineEngine();

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    private static final PageSnapshot ACCOUNT = PageSnapshot.of("https://bank.test/summary", "Summary", List.of(),
            new PageContent("Account summary", List.of(new PageContent.Heading(1, "Account summary")), List.of(), List.of(
                    new PageContent.LabeledValue("Account name", "Ann Lee"),
                    new PageContent.LabeledValue("Current balance", "$1,234.50"),
                    new PageContent.LabeledValue("Next due date", "2024-05-01"),
                    new PageContent.LabeledValue("Autopay", "Yes"),
                    new PageContent.LabeledValue("Overdue fees", "(12.00)"))));

    private static final PageSnapshot ORDERS = PageSnapshot.of("https://shop.test/orders", "Orders", List.of(),
            new PageContent("Orders", List.of(), List.of(
                    new PageContent.Table("Help", List.of("Question", "Answer"), List.of(List.of("Returns?", "30 days"))),
                    new PageContent.Table("Orders", List.of("Order #", "Date", "Total", "Status", "Shipped"), List.of(
                            List.of("A-100", "2024-01-05", "$1,204.00", "Delivered", "\u2713"),
                            List.of("A-101", "2024-02-11", "€ 9,50", "Pending", "no")))),
                    List.of()));

    @Test
    void fillsAnObjectSchemaFromLabelsWithConvertedTypes() throws Exception {
        JsonNode schema = json("""
                {"type":"object","required":["account_name","routing_number"],"properties":{
                  "account_name":{"type":"string"},"current_balance":{"type":"number"},"next_due_date":{"type":"iso-8601-date-string"},
                  "autopay":{"type":"boolean"},"overdue_fees":{"type":"number"},"routing_number":{"type":"string"}}}""");
        Extraction e = engine.extract(new ExtractRequest("Extract account name, balance", schema, ACCOUNT, Map.of(), List.of(), null));
        assertThat(e.usage()).isEqualTo(Usage.ZERO);
        assertThat(e.data().get("account_name").asText()).isEqualTo("Ann Lee");
        assertThat(e.data().get("current_balance").decimalValue()).isEqualByComparingTo(new BigDecimal("1234.5"));
        assertThat(e.data().get("next_due_date").asText()).isEqualTo("2024-05-01");
        assertThat(e.data().get("autopay").booleanValue()).isTrue();
        assertThat(e.data().get("overdue_fees").decimalValue()).isEqualByComparingTo(new BigDecimal("-12"));
        assertThat(e.data().has("routing_number")).isFalse();
        assertThat(e.reasoning()).contains("routing_number");
    }

    @Test
    void shorthandSchemaFillsAnArrayFromTheBestTable() throws Exception {
        JsonNode schema = json("""
                {"orders":{"type":"array","items":{"type":"object","properties":{
                  "order_id":{"type":"string"},"date":{"type":"string"},"total_amount":{"type":"number"},
                  "status":{"type":"string"},"shipped":{"type":"boolean"},"invoice_url":{"type":"url"}}}}}""");
        Extraction e = engine.extract(new ExtractRequest("Extract all visible orders", schema, ORDERS, Map.of(), List.of(), null));
        JsonNode orders = e.data().get("orders");
        assertThat(orders).hasSize(2);
        assertThat(orders.get(0).get("order_id").asText()).isEqualTo("A-100");
        assertThat(orders.get(0).get("total_amount").decimalValue()).isEqualByComparingTo("1204");
        assertThat(orders.get(0).get("shipped").booleanValue()).isTrue();
        assertThat(orders.get(1).get("total_amount").decimalValue()).isEqualByComparingTo("9.5");
        assertThat(orders.get(1).get("status").asText()).isEqualTo("Pending");
        assertThat(orders.get(1).get("shipped").booleanValue()).isFalse();
        assertThat(orders.get(1).has("invoice_url")).isFalse();
    }

    @Test
    void definitionListsAndFormValuesFeedScalarsAndOrderIdVariantsMatch() throws Exception {
        PageSnapshot p = PageSnapshot.of("https://shop.test/order/7", "Order", List.of(
                        Element.builder("r1", "input").name("Reference").attribute("type", "text").value("REF-9").build()),
                new PageContent("", List.of(), List.of(), List.of(new PageContent.LabeledValue("Order No.", "7731"),
                        new PageContent.LabeledValue("Items", "1,204 items"))));
        JsonNode schema = json("""
                {"type":"object","properties":{"order_id":{"type":"integer"},"reference":{"type":"string"},"items":{"type":"integer"}}}""");
        Extraction e = engine.extract(new ExtractRequest("", schema, p, Map.of(), List.of(), null));
        assertThat(e.data().get("order_id").longValue()).isEqualTo(7731);
        assertThat(e.data().get("reference").asText()).isEqualTo("REF-9");
        assertThat(e.data().get("items").longValue()).isEqualTo(1204);
    }

    @Test
    void repeatedLabelsBecomeItemsAndHeadingsWithColonsAreLabels() throws Exception {
        PageSnapshot cards = PageSnapshot.of("https://shop.test/orders", "Orders", List.of(),
                new PageContent("", List.of(new PageContent.Heading(1, "Customer: Ann Lee")), List.of(), List.of(
                        new PageContent.LabeledValue("Order ID", "A-1"), new PageContent.LabeledValue("Total", "$5.00"),
                        new PageContent.LabeledValue("Order ID", "A-2"), new PageContent.LabeledValue("Total", "$7.25"))));
        JsonNode schema = json("""
                {"customer":{"type":"string"},"orders":{"type":"array","items":{"type":"object","properties":{
                  "order_id":{"type":"string"},"total":{"type":"number"}}}}}""");
        Extraction e = engine.extract(new ExtractRequest("", schema, cards, Map.of(), List.of(), null));
        assertThat(e.data().get("customer").asText()).isEqualTo("Ann Lee");
        assertThat(e.data().get("orders")).hasSize(2);
        assertThat(e.data().get("orders").get(1).get("order_id").asText()).isEqualTo("A-2");
        assertThat(e.data().get("orders").get(1).get("total").decimalValue()).isEqualByComparingTo("7.25");
    }

    @Test
    void withoutSchemaReturnsLabelsAndTables() {
        Extraction e = engine.extract(new ExtractRequest("Extract everything", null, ORDERS, Map.of(), List.of(), null));
        assertThat(e.data().get("tables")).hasSize(2);
        assertThat(e.data().get("tables").get(1).get("rows").get(0).get("Order #").asText()).isEqualTo("A-100");
        Extraction a = engine.extract(new ExtractRequest("", null, ACCOUNT, Map.of(), List.of(), null));
        assertThat(a.data().get("values").get("Account name").asText()).isEqualTo("Ann Lee");
    }

    @Test
    void numbersAndBooleansConvert() {
        assertThat(ValueConverter.number("$1,234.50")).contains(new BigDecimal("1234.50"));
        assertThat(ValueConverter.number("(12.00)")).contains(new BigDecimal("-12.00"));
        assertThat(ValueConverter.number("1.234,5 EUR")).contains(new BigDecimal("1234.5"));
        assertThat(ValueConverter.number("n/a")).isEmpty();
        assertThat(ValueConverter.bool("\u2714")).contains(true);
        assertThat(ValueConverter.bool("Off")).contains(false);
        assertThat(ValueConverter.bool("maybe")).isEmpty();
    }
}
