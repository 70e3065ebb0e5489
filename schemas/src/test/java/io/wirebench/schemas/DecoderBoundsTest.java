package io.wirebench.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crafted messages (nested lists, 2 GB length prefixes, deep nesting, 400-digit numbers, invalid UTF-8)
 * each get a {@code CodecException} within 100 ms in a JVM with a 64 MiB heap, and the codecs go on
 * decoding valid orders: bounds on the input, not a big heap, keep the decoder alive.
 */
class DecoderBoundsTest {
    @TempDir
    Path dir;

    @Test
    void craftedPayloadsAreRefusedQuicklyInASmallHeap() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("crafted.log");
        Process process = new ProcessBuilder(java, "-Xmx64m", "-Xss512k", "-cp", System.getProperty("java.class.path"),
                CraftedPayloads.class.getName()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the crafted-payload JVM did not finish within 60 s");
        } finally {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        List<String> lines = output.lines().filter(l -> l.contains(" | ")).toList();
        assertEquals(CraftedPayloads.all().size(), lines.size(), output);
        for (String line : lines) {
            String[] parts = line.split(" \\| ");
            assertEquals("CodecException", parts[3], line);
            long micros = Long.parseLong(parts[4].replace(" us", ""));
            assertTrue(micros < 100_000, "refused, but only after " + micros + " us: " + line);
        }
        assertTrue(output.contains("valid orders decode after the crafted ones"), output);
    }
}
