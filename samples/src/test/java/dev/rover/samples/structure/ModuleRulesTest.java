package dev.rover.samples.structure;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module rule of ARCHITECTURE.md, checked on the compiled main classes of every module: core
 * knows no Playwright, LangChain4j or JDBC driver; blocks drives the browser only through core's
 * {@code RunBrowser}; the server knows no Playwright or LangChain4j; browser and llm never see each other;
 * core's packages form no cycle.
 */
class ModuleRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.rover");
    }

    @Test
    void theImportCoversEveryModule() {
        // a rule over an empty or partial import would pass for nothing
        for (String pkg : new String[] {"dev.rover.core", "dev.rover.browser", "dev.rover.llm", "dev.rover.blocks", "dev.rover.server", "dev.rover.samples"}) {
            org.assertj.core.api.Assertions.assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
                    .as("classes of %s were imported", pkg).isTrue();
        }
    }

    @Test
    void coreKnowsNoPlaywrightLangChainJdbcDriverOrOtherModule() {
        check(noClasses().that().resideInAPackage("dev.rover.core..")
                .should().dependOnClassesThat().resideInAnyPackage("com.microsoft.playwright..", "dev.langchain4j..",
                        "org.sqlite..", "org.postgresql..", "dev.rover.browser..", "dev.rover.llm..", "dev.rover.blocks..",
                        "dev.rover.samples..")
                .because("core holds the vocabulary and the plug-in interfaces that the other modules implement"));
    }

    @Test
    void blocksAndTheFacadeDriveTheBrowserOnlyThroughRunBrowser() {
        check(noClasses().that().resideInAnyPackage("dev.rover.blocks..", "dev.rover")
                .should().dependOnClassesThat().resideInAnyPackage("com.microsoft.playwright..")
                .because("blocks drive the browser through core's RunBrowser, which the browser module implements"));
    }

    @Test
    void theServerKnowsNoPlaywrightLangChainOrCommandLine() {
        check(noClasses().that().resideInAPackage("dev.rover.server..")
                .should().dependOnClassesThat().resideInAnyPackage("com.microsoft.playwright..", "dev.langchain4j..",
                        "dev.rover.samples..", "dev.rover.llm..")
                .because("the server speaks HTTP and MCP over the Rover facade; browsers and models stay behind it"));
    }

    @Test
    void browserAndLlmNeverSeeEachOther() {
        check(noClasses().that().resideInAPackage("dev.rover.browser..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rover.llm..", "dev.langchain4j..", "dev.rover.blocks..")
                .because("browser and llm meet only through core's page vocabulary and interfaces"));
        check(noClasses().that().resideInAPackage("dev.rover.llm..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rover.browser..", "com.microsoft.playwright..", "dev.rover.blocks..")
                .because("browser and llm meet only through core's page vocabulary and interfaces"));
    }

    @Test
    void onlyEnvironmentVariablesReadsTheProcessEnvironment() {
        check(noClasses().that().doNotHaveFullyQualifiedName("dev.rover.core.env.EnvironmentVariables")
                .should().callMethod(System.class, "getenv").orShould().callMethod(System.class, "getenv", String.class)
                .because("Rover.builder().environment(map) must replace every variable Rover reads"));
    }

    @Test
    void corePackagesFormNoCycle() {
        check(slices().matching("dev.rover.core.(*)..").should().beFreeOfCycles());
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
