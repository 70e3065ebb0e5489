package io.wirebench.report.history;

import io.wirebench.report.HeadlessChromium;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The history page drawn from the committed nightly summaries (results/history/, three scripts/nightly runs with
 * one benchmark slowed on purpose in the second) opens in headless chromium ({@link HeadlessChromium}) without a
 * console error, and the DOM the browser built holds a chart per benchmark and measure with the runs' points and
 * intervals, the gate's bands, and the planted regression ringed; a screenshot is not blank.
 */
class HistoryInBrowserTest {
    static final Path COMMITTED = Path.of("../results/history/2026-12-02-codec-decodes.jsonl");

    @TempDir
    Path dir;

    @Test
    void theCommittedNightlySummariesDrawAPageTheBrowserShows() throws Exception {
        List<HistoryEntry> entries = HistoryFile.read(COMMITTED);
        assertEquals(3, entries.size(), "three nightly summaries are committed");
        assertEquals(0, HistoryCommand.commandLine().execute("--out", dir.toString(), COMMITTED.toString()));
        Path page = dir.resolve("history.html");
        HeadlessChromium browser = new HeadlessChromium(dir);

        String dom = browser.dom(page);
        int charts = HistoryTest.count(dom, "class=\"history\"");
        assertEquals(new HistoryPage(entries, 0).charts().size(), charts, "a chart per benchmark and measure");
        assertEquals(entries.stream().mapToInt(e -> e.figures().size()).sum(), HistoryTest.count(dom, "class=\"point\""), "every figure of every run drawn");
        assertTrue(HistoryTest.count(dom, "class=\"interval\"") > 0 && HistoryTest.count(dom, "class=\"band\"") > 0, "intervals and the gate's bands");
        assertTrue(HistoryTest.count(dom, "<circle class=\"regression\"") >= 1, "the regression planted in the second run is ringed");
        assertTrue(dom.contains("Flagged by the gate"), "and its chart listed first");
        browser.screenshot(page, "1400,1800", 30_000);
    }
}
