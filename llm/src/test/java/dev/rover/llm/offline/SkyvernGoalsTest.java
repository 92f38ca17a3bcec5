package dev.rover.llm.offline;

import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Element;
import dev.rover.core.page.PageContent;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.GoalState;
import dev.rover.core.engine.PlannedAction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.rover.llm.offline.Pages.button;
import static dev.rover.llm.offline.Pages.input;
import static dev.rover.llm.offline.Pages.link;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds the navigation goals of real Skyvern workflow files to the offline engine on a few typical
 * pages: each decision must act on elements of the page, complete, or terminate with a clear reason.
 */
class SkyvernGoalsTest {

    private static final Path COMPAT = Path.of(System.getProperty("rover.skyvern.compat", "/work/shared/compat/skyvern"));
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([\\w.]+)\\s*}}");
    private static final Map<String, String> VALUES = Map.of(
            "start_date", "2024-01-01", "end_date", "2024-03-31", "current_value.order_id", "A-100",
            "first_name", "Ann", "last_name", "Lee", "email", "ann@lee.test",
            "parsed_resume_output", "{\"name\": \"Ann Lee\", \"skills\": [\"Java\"]}",
            "answer_form_questions_output", "{\"Why us?\": \"Because\"}");
    private static final Map<String, Object> CREDENTIAL = Map.of("credentials",
            Map.of("username", "placeholder_c_username", "password", "placeholder_c_password"));

    private final OfflineEngine engine = new OfflineEngine();

    /** A navigation goal and the block settings that go with it. */
    record BlockGoal(String file, String label, String goal, String completeCriterion, Map<String, String> errorCodes) {
    }

    static List<PageSnapshot> pages() {
        PageSnapshot login = PageSnapshot.of("https://portal.test/login", "Sign in", List.of(
                Element.builder("u", "input").name("Email").attribute("type", "email").build(),
                Element.builder("p", "input").name("Password").attribute("type", "password").build(),
                Element.builder("s", "button").text("Log in").attribute("type", "submit").build()),
                new PageContent("We use cookies. Sign in to continue.", List.of(), List.of(), List.of()));
        PageSnapshot orders = PageSnapshot.of("https://portal.test/account", "My account", List.of(
                link("o1", "Order History", "/orders"), input("o2", "From date"), input("o3", "To date"), button("o4", "Filter"),
                button("o5", "Download Invoice"), link("o6", "Latest report details", "/reports/1")),
                new PageContent("Order A-100 placed 2024-01-05", List.of(new PageContent.Heading(1, "My account")),
                        List.of(new PageContent.Table("Orders", List.of("Order #", "Date"), List.of(List.of("A-100", "2024-01-05")))),
                        List.of()));
        PageSnapshot form = PageSnapshot.of("https://jobs.test/apply", "Apply", List.of(
                input("f1", "First name"), input("f2", "Last name"), input("f3", "Email"), button("f4", "Continue"),
                button("f5", "Apply")), PageContent.EMPTY);
        return List.of(login, orders, form, PageSnapshot.of("about:blank", "", List.of(), PageContent.EMPTY));
    }

    static List<BlockGoal> goals() throws IOException {
        List<BlockGoal> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(COMPAT)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList()) {
                try (Reader r = Files.newBufferedReader(file)) {
                    collect(file.getFileName().toString(), new Yaml(new LoaderOptions()).load(r), out);
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void collect(String file, Object node, List<BlockGoal> out) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("navigation_goal") instanceof String goal || "login".equals(map.get("block_type"))) {
                Object g = map.get("navigation_goal");
                Map<String, String> codes = new LinkedHashMap<>();
                if (map.get("error_code_mapping") instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> codes.put(String.valueOf(k), String.valueOf(v)));
                }
                out.add(new BlockGoal(file, String.valueOf(map.get("label")),
                        g == null ? "Log in with the provided credentials. COMPLETE when logged in." : render(g.toString()),
                        (String) map.get("complete_criterion"), codes));
            }
            ((Map<Object, Object>) map).values().forEach(v -> collect(file, v, out));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collect(file, v, out));
        }
    }

    private static String render(String template) {
        Matcher m = TEMPLATE.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(VALUES.getOrDefault(m.group(1), "value")));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    @Test
    void everyRealGoalActsSensiblyOrTerminatesWithAClearReason() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(COMPAT), "the Skyvern compatibility files are not on this machine: " + COMPAT);
        List<BlockGoal> goals = goals();
        assertThat(goals).hasSizeGreaterThanOrEqualTo(8);
        for (BlockGoal g : goals) {
            for (PageSnapshot page : pages()) {
                DecideRequest request = new DecideRequest(g.goal(), g.completeCriterion(), null, g.errorCodes(), CREDENTIAL, page,
                        List.of(), List.of(), false, null);
                Decision d = engine.decide(request);
                String where = g.file() + " / " + g.label() + " on " + page.url() + ": " + d.state() + " " + d.reasoning();
                assertThat(d.reasoning()).as(where).isNotBlank();
                if (d.state() == GoalState.CONTINUE) {
                    assertThat(d.actions()).as(where).isNotEmpty();
                    for (PlannedAction a : d.actions()) {
                        if (a.action() instanceof BrowserAction.ElementAction e) {
                            assertThat(page.element(e.target().elementId())).as(where).isPresent();
                        }
                    }
                }
                if (d.state() == GoalState.TERMINATE && d.reasoning().contains("does not understand")) {
                    assertThat(d.reasoning()).as(where).contains("ROVER_LLM_PROVIDER").containsPattern("\"[^\"]{3,}\"");
                }
            }
        }
    }

    @Test
    void everyRealDataSchemaExtractsWithoutError() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(COMPAT), "the Skyvern compatibility files are not on this machine: " + COMPAT);
        List<Object> schemas = new ArrayList<>();
        try (Stream<Path> files = Files.list(COMPAT)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList()) {
                try (Reader r = Files.newBufferedReader(file)) {
                    collectSchemas(new Yaml(new LoaderOptions()).load(r), schemas);
                }
            }
        }
        assertThat(schemas).hasSizeGreaterThanOrEqualTo(4);
        for (Object schema : schemas) {
            com.fasterxml.jackson.databind.JsonNode node = dev.rover.core.json.Json.mapper().valueToTree(schema);
            dev.rover.core.engine.Extraction e = engine.extract(new dev.rover.core.engine.ExtractRequest("extract", node, pages().get(1), Map.of(),
                    List.of(), null));
            assertThat(e.data()).as(node.toString()).isNotNull();
            assertThat(e.data().isObject()).as(node.toString()).isTrue();
        }
    }

    private static void collectSchemas(Object node, List<Object> out) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("data_schema") != null) {
                out.add(map.get("data_schema"));
            }
            map.values().forEach(v -> collectSchemas(v, out));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectSchemas(v, out));
        }
    }

    /** The goals of the Skyvern files, rendered, with what the engine must do on the account page or the login page. */
    @Test
    void knownGoalsOfTheRealFilesBehaveAsExpected() {
        PageSnapshot login = pages().get(0);
        PageSnapshot account = pages().get(1);
        String loginGoal = "Log in using the provided credentials.\nHandle any cookie consent popups.\n"
                + "COMPLETE when on the account dashboard or orders page.";
        Decision onLogin = decide(loginGoal, null, login);
        assertThat(onLogin.actions()).extracting(PlannedAction::action).containsExactly(
                new BrowserAction.InputText(dev.rover.core.page.Target.id("u"), "placeholder_c_username"),
                new BrowserAction.InputText(dev.rover.core.page.Target.id("p"), "placeholder_c_password"),
                new BrowserAction.Click(dev.rover.core.page.Target.id("s")));

        Decision nav = decide("Navigate to Order History or My Orders.\nFilter orders between 2024-01-01 and 2024-03-31.\n"
                + "Click the Filter button.\nCOMPLETE when filtered results are visible.", null, account);
        assertThat(nav.actions()).extracting(PlannedAction::action)
                .containsExactly(new BrowserAction.Click(dev.rover.core.page.Target.id("o1")));

        Decision download = decide("Find order A-100.\nClick Download Invoice.\nCOMPLETE when the PDF download starts.", null, account);
        assertThat(download.actions()).extracting(PlannedAction::action)
                .containsExactly(new BrowserAction.Click(dev.rover.core.page.Target.id("o5")));

        Decision search = decide("Search for a relevant job based on the parsed resume: {\"name\": \"Ann\"}", null, account);
        assertThat(search.state()).isEqualTo(GoalState.TERMINATE);
        assertThat(search.reasoning()).contains("\"Search for a relevant job based on the parsed resume").contains("ROVER_LLM_PROVIDER");

        Decision legacy = decide("If you're not on the login page, navigate to login page and login using the credentials given, and then "
                + "navigate to the personal account page. First, take actions on promotional popups or cookie prompts that could prevent "
                + "taking other action on the web page. Then, try to login and navigate to the personal account page. If you fail to login "
                + "to find the login page or can't login after several trials, terminate. If you're on the personal account page, consider "
                + "the goal is completed.", null, login);
        assertThat(legacy.state()).isEqualTo(GoalState.CONTINUE);
        assertThat(legacy.actions()).hasSize(3);

        Decision dashboard = decide(null, "The account dashboard is visible and no login form is present.", account);
        assertThat(dashboard.state()).isNotEqualTo(GoalState.COMPLETE);
    }

    private Decision decide(String goal, String completeCriterion, PageSnapshot page) {
        String g = goal == null ? "Log in with the provided credentials." : goal;
        return engine.decide(new DecideRequest(g, completeCriterion, null, Map.of("INVALID_CREDENTIALS", "Login failed"), CREDENTIAL,
                page, List.of(), List.of(), false, null));
    }
}
