package io.wirebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * report.html in a real browser: Debian's chromium, headless (scripts/setup installs it), loads the page
 * from disk with the network off, logs no error, and the DOM it built holds the tables and the SVG
 * charts with their bars; a screenshot of the page is not blank.
 */
class ReportInBrowserTest {
    @TempDir
    Path dir;

    static Path chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new AssertionError("no chromium: it comes with the Debian package 'chromium'; run scripts/setup");
    }

    private String[] run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + dir.resolve("profile"), "--proxy-server=127.0.0.1:9",
                "--enable-logging=stderr", "--v=0"));
        command.addAll(args);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("chromium did not finish in 90 s: " + Files.readString(err));
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        return new String[] {String.valueOf(p.exitValue()), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8)};
    }

    @Test
    void theHtmlReportOpensWithoutErrorsAndShowsItsCharts() throws Exception {
        Path results = Files.createDirectories(dir.resolve("run"));
        for (String name : List.of("bench-transport.json", "bench-e2e.json", "load-ecommerce-nats.json")) {
            try (InputStream in = getClass().getResourceAsStream("/run/" + name)) {
                Files.copy(in, results.resolve(name));
            }
        }
        assertEquals(0, new CommandLine(new ReportCommand()).execute(results.toString(), "--claims", "../config/claims.yaml"));
        String url = results.resolve("report.html").toUri().toString();

        String[] dom = run(List.of("--virtual-time-budget=3000", "--dump-dom", url));
        assertEquals("0", dom[0], dom[2]);
        assertTrue(dom[1].contains("<svg") && dom[1].contains("<rect"), "the charts are in the page the browser built");
        assertTrue(dom[1].contains("<table") && dom[1].contains("SUPPORTED"), "the claims table is there");
        assertTrue(dom[1].contains("Transports side by side") && dom[1].contains("<polyline"), "the latency percentile chart is drawn");
        for (String line : dom[2].split("\n")) {
            assertFalse(line.contains("CONSOLE") && (line.contains("rror") || line.contains("Uncaught")), "browser console: " + line);
        }

        Path png = dir.resolve("report.png");
        String[] shot = run(List.of("--window-size=1200,1600", "--screenshot=" + png, url));
        assertEquals("0", shot[0], shot[2]);
        assertTrue(Files.size(png) > 20_000, "a page with tables and bars is not a blank screenshot: " + Files.size(png) + " bytes");
    }
}
