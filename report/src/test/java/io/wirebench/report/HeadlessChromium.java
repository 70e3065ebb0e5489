package io.wirebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's chromium, headless (scripts/setup installs it), for checking a page as a reader's browser builds it:
 * loaded from disk with the network off (a proxy nobody listens on), every run bounded by 90 s.
 */
public final class HeadlessChromium {
    private final Path dir;

    /** {@code dir}: the profile and the captured output go there. */
    public HeadlessChromium(Path dir) {
        this.dir = dir;
    }

    public static Path executable() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new AssertionError("no chromium: it comes with the Debian package 'chromium'; run scripts/setup");
    }

    /** The DOM the browser built from the page, after its scripts ran; asserts that it exits 0 and logs no console error. */
    public String dom(Path page) throws IOException, InterruptedException {
        String[] r = run(List.of("--virtual-time-budget=3000", "--dump-dom", page.toUri().toString()));
        assertEquals("0", r[0], r[2]);
        for (String line : r[2].split("\n")) {
            assertFalse(line.contains("CONSOLE") && (line.contains("rror") || line.contains("Uncaught")), "browser console: " + line);
        }
        return r[1];
    }

    /** A screenshot of the page, asserted larger than {@code minBytes} (a page of tables and charts is not a blank image). */
    public void screenshot(Path page, String size, long minBytes) throws IOException, InterruptedException {
        Path png = dir.resolve(page.getFileName() + ".png");
        String[] r = run(List.of("--window-size=" + size, "--screenshot=" + png, page.toUri().toString()));
        assertEquals("0", r[0], r[2]);
        assertTrue(Files.size(png) > minBytes, "not a blank screenshot: " + Files.size(png) + " bytes");
    }

    private String[] run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable().toString(), "--headless", "--no-sandbox", "--disable-gpu",
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
}
