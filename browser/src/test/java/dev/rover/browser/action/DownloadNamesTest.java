package dev.rover.browser.action;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Suggested download names that would fail or mislead become safe file names. */
class DownloadNamesTest {

    @Test
    void emptySlashOrDotNamesBecomeTheGeneratedName() {
        for (String name : new String[]{null, "", "   ", "/", "\\\\", "..", ".", "a/b/", "/..//"}) {
            assertThat(DownloadNames.safe(name)).as(String.valueOf(name)).isEqualTo("download");
        }
    }

    @Test
    void onlyTheLastSegmentIsKeptAndControlCharactersAreReplaced() {
        assertThat(DownloadNames.safe("../../etc/passwd")).isEqualTo("passwd");
        assertThat(DownloadNames.safe("C:\\\\Users\\\\x\\\\report.csv")).isEqualTo("report.csv");
        assertThat(DownloadNames.safe("in\u001b[31mvoice\u202Efdp.exe")).isEqualTo("in_[31mvoice_fdp.exe");
    }

    @Test
    void overlongNamesAreCutKeepingTheExtension() {
        assertThat(DownloadNames.safe("r".repeat(396) + ".csv")).isEqualTo("r".repeat(196) + ".csv");
        String multiByte = DownloadNames.safe("é".repeat(300) + ".pdf");
        assertThat(multiByte).endsWith(".pdf");
        assertThat(multiByte.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(DownloadNames.MAX_BYTES);
        assertThat(DownloadNames.safe("x".repeat(400))).hasSize(200);
    }
}
