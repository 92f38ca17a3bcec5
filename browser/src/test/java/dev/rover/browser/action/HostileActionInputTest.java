package dev.rover.browser.action;

import dev.rover.browser.ActionTestServer;
import dev.rover.browser.BrowserOptions;
import dev.rover.browser.LiveBrowser;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actions given hostile input by a site or a model (issue 10): downloads with names that would fail or
 * mislead, and URLs with schemes Rover must not open.
 */
class HostileActionInputTest extends ActionPageTest {

    static final ActionExecutor executor = ActionExecutor.withDefaults();

    private static ActionResult act(BrowserAction action) {
        return act(executor, action);
    }

    @Test
    void downloadsWithEmptySlashOrOverlongNamesAreSavedUnderSafeNames() {
        String longName = "r".repeat(396) + ".csv";
        open("/download-link.html?name=" + longName);
        ActionResult fromSite = act(new BrowserAction.Click(Target.id("dl")));
        assertThat(fromSite.success()).as(fromSite.failureReason()).isTrue();
        assertThat(fromSite.downloads()).singleElement().satisfies(f -> {
            assertThat(f.name()).hasSizeLessThanOrEqualTo(DownloadNames.MAX_BYTES).endsWith(".csv");
            assertThat(f.path()).hasContent(ActionTestServer.REPORT.stripTrailing());
        });

        for (String override : new String[]{"/", longName, "  ", ".."}) {
            open("/download-link.html?name=report.csv");
            ActionResult named = browser.call(p -> executor.execute(p, new BrowserAction.Click(Target.id("dl")), override));
            assertThat(named.success()).as("override '%s': %s", override, named.failureReason()).isTrue();
            String expected = override.equals(longName) ? "r".repeat(196) + ".csv" : override.isBlank() ? "report.csv" : "download";
            assertThat(named.downloads()).as(override).singleElement().satisfies(f -> {
                assertThat(f.name()).startsWith(expected.replace(".csv", ""));
                assertThat(f.path()).hasContent(ActionTestServer.REPORT.stripTrailing());
            });
        }
    }

    @Test
    void onlyHttpAndHttpsAreOpenedUnlessFileUrlsAreAllowed() throws Exception {
        Path secretFile = java.nio.file.Files.writeString(temp.resolve("local-secret.txt"), "local file content 7731");
        String fileUrl = secretFile.toUri().toString();
        open("/page.html");

        ActionResult refused = act(new BrowserAction.GotoUrl(fileUrl));
        ActionResult script = act(new BrowserAction.GotoUrl("javascript:document.title='owned'"));
        ActionResult tab = act(new BrowserAction.NewTab(fileUrl));

        assertThat(refused.success()).isFalse();
        assertThat(refused.failureReason()).isEqualTo("not opened: '" + fileUrl + "' is a file: URL; only http and https URLs "
                + "are opened unless file URLs are allowed (RoverBuilder.allowFileUrls(true) or --allow-file-urls)");
        assertThat(script.failureReason()).isEqualTo("not opened: 'javascript:document.title='owned'' uses scheme "
                + "'javascript'; only http and https URLs are opened");
        assertThat(tab.success()).isFalse();
        assertThat((String) browser.call(p -> p.page().url())).startsWith(server.baseUrl());
        assertThat((String) browser.call(p -> p.page().title())).isNotEqualTo("owned");

        ActionExecutor allowing = ActionExecutor.builder().allowFileUrls(true).build();
        ActionResult opened = browser.call(p -> allowing.execute(p, new BrowserAction.GotoUrl(fileUrl)));
        assertThat(opened.success()).as(opened.failureReason()).isTrue();
        assertThat(text("body")).contains("local file content 7731");
    }
}
