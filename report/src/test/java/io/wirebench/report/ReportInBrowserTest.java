package io.wirebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * report.html in a real browser ({@link HeadlessChromium}): it loads from disk with the network off, logs no
 * error, and the DOM it built holds the tables and the SVG charts with their bars; a screenshot of the page is
 * not blank.
 */
class ReportInBrowserTest {
    @TempDir
    Path dir;

    @Test
    void theHtmlReportOpensWithoutErrorsAndShowsItsCharts() throws Exception {
        Path results = Files.createDirectories(dir.resolve("run"));
        RunFixture.copyTo(results);
        assertEquals(0, new CommandLine(new ReportCommand()).execute(results.toString(), "--claims", "../config/claims.yaml"));
        Path page = results.resolve("report.html");
        HeadlessChromium browser = new HeadlessChromium(dir);

        String dom = browser.dom(page);
        assertTrue(dom.contains("<svg") && dom.contains("<rect"), "the charts are in the page the browser built");
        assertTrue(dom.contains("<table") && dom.contains("SUPPORTED"), "the claims table is there");
        assertTrue(dom.contains("Transports side by side") && dom.contains("<polyline"), "the latency percentile chart is drawn");
        browser.screenshot(page, "1200,1600", 20_000);
    }
}
