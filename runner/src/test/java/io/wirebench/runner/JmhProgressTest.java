package io.wirebench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live progress line: a line per benchmark without a terminal, one line kept current on one, "benchmark k of N"
 * counted over an interleaved run's JMH processes, and the line seen under a pseudo-terminal (script(1)).
 */
class JmhProgressTest {
    static final List<String> JMH = List.of(
            "# Run progress: 0.00% complete, ETA 00:00:04",
            "# Fork: 1 of 1",
            "# Benchmark: io.wirebench.serialization.CodecBenchmark.decode",
            "# Parameters: (codec = json, shape = small)",
            "Iteration   1: 3.2 us/op",
            "# Run progress: 50.00% complete, ETA 00:00:02",
            "# Benchmark: io.wirebench.serialization.CodecBenchmark.decode",
            "# Parameters: (codec = kryo, shape = small)");

    @TempDir
    Path dir;

    @Test
    void withoutATerminalALineIsPrintedAsEachBenchmarkStarts() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JmhProgress progress = new JmhProgress("bench-serialization", new PrintStream(bytes, true, StandardCharsets.UTF_8), false, dir.resolve("none.log"),
                new JmhProgress.Position(0, 2, 0, false), System::nanoTime, 150);
        JMH.forEach(progress::accept);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of(
                "   bench-serialization: CodecBenchmark.decode codec=json shape=small, benchmark 1 of 2, 0.00% of the run, ETA 00:00:04",
                "   bench-serialization: CodecBenchmark.decode codec=kryo shape=small, benchmark 2 of 2, 50.00% of the run, ETA 00:00:02"), lines);
    }

    /** An interleaved run's later JMH processes go on counting from the benchmarks the earlier ones started. */
    @Test
    void onATerminalOneLineIsKeptCurrent() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JmhProgress progress = new JmhProgress("bench-serialization", new PrintStream(bytes, true, StandardCharsets.UTF_8), true, dir.resolve("none.log"),
                new JmhProgress.Position(10, 12, 0, false), System::nanoTime, 150);
        JMH.forEach(progress::accept);
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(!shown.contains("\n"), "no new lines while the run goes: " + shown);
        assertTrue(shown.endsWith("\rbench-serialization: CodecBenchmark.decode codec=kryo shape=small, benchmark 12 of 12, 50.00% of the run, ETA 00:00:02\u001b[K"), shown);
    }

    /** A line longer than the terminal is wide is cut to it, so the terminal never wraps it (a wrapped line is not rewritten whole). */
    @Test
    void onANarrowTerminalTheLineIsCutToItsWidth() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JmhProgress progress = new JmhProgress("bench-serialization", new PrintStream(bytes, true, StandardCharsets.UTF_8), true, dir.resolve("none.log"),
                new JmhProgress.Position(0, 2, 0, false), System::nanoTime, 40);
        JMH.forEach(progress::accept);
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.endsWith("\r" + "bench-serialization: CodecBenchmark.decode codec=kryo shape=small".substring(0, 40) + "\u001b[K"), shown);
    }

    /**
     * An interleaved run's JMH percentage and ETA are one fork's: the line says so and adds the whole run's estimate,
     * from the time the finished benchmarks took (here 10 finished in 100 s: 10 s each, 3 to go with this one).
     */
    @Test
    void anInterleavedRunsLineEstimatesTheWholeRun() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long start = 1_000_000_000L;
        JmhProgress progress = new JmhProgress("bench-serialization", new PrintStream(bytes, true, StandardCharsets.UTF_8), false, dir.resolve("none.log"),
                new JmhProgress.Position(10, 13, start, true), () -> start + 100_000_000_000L, 150);
        JMH.subList(0, 4).forEach(progress::accept);
        assertEquals("   bench-serialization: CodecBenchmark.decode codec=json shape=small, benchmark 11 of 13 (the whole run ~00:00:30 more),"
                + " 0.00% of this fork's run, ETA 00:00:04", bytes.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
    }

    /** The live line as a user sees it: JmhRunCommand under script(1), a pseudo-terminal, running bench-serialization's jar. */
    @Test
    void aRunOnAPseudoTerminalShowsTheLiveLine() throws Exception {
        Path jar = Path.of("../bench-serialization/target/benchmarks.jar");
        assertTrue(Files.isRegularFile(jar), jar.toAbsolutePath() + " is missing: build the whole reactor (mvn verify), the report module comes last");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", java, "-cp", System.getProperty("java.class.path"), JmhRunCommand.class.getName(), "--java", java,
                "--jar", jar.toString(), "--include", "'\\.CodecBenchmark\\.decode$'", "--out", dir.resolve("bench-serialization.json").toString(),
                "--log", dir.resolve("run.log").toString(), "--timeout-minutes", "5",
                "--interleave", "codec", "--seed", "1", "--", "-f", "1", "-wi", "0", "-i", "1", "-r", "300ms", "-p", "codec=json,kryo", "-p", "shape=small");
        Path typescript = dir.resolve("typescript");
        Process script = new ProcessBuilder("script", "-qec", command, typescript.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("script.out").toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        assertTrue(script.waitFor(180, TimeUnit.SECONDS), "script did not end within 180 s");
        String seen = Files.readString(typescript, StandardCharsets.ISO_8859_1);
        assertEquals(0, script.exitValue(), seen);
        // interleaved by codec: two JMH processes of one benchmark each, counted as one run of two (N from JMH's -lp listing)
        assertTrue(seen.contains("shape=small, benchmark 1 of 2") && seen.contains("shape=small, benchmark 2 of 2"), "the live line: " + seen);
        assertTrue(seen.contains("\rbench-serialization: CodecBenchmark.decode codec="), "the live line: " + seen);
        assertTrue(seen.contains("% of this fork's run, ETA ") && seen.contains("benchmark 2 of 2") && seen.contains("(the whole run ~"),
                "an interleaved run's percentage is one fork's, and the line estimates the whole run: " + seen);
        assertTrue(Files.readString(dir.resolve("run.log")).contains("# Run progress:"), "the full output is in the log");
    }

    /** scripts/nightly pipes scripts/bench through tee: WIREBENCH_TERMINAL=1 says the pipe ends on a terminal, and the line stays one. */
    @Test
    void throughAPipeToATerminalTheCallerSaysSo() throws Exception {
        Path jar = Path.of("../bench-serialization/target/benchmarks.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder run = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), JmhRunCommand.class.getName(), "--java", java,
                "--jar", jar.toString(), "--include", "\\.CodecBenchmark\\.decode$", "--out", dir.resolve("piped.json").toString(),
                "--log", dir.resolve("piped.log").toString(), "--label", "piped", "--timeout-minutes", "5",
                "--", "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms", "-p", "codec=json", "-p", "shape=small")
                .redirectErrorStream(true).redirectOutput(dir.resolve("piped.out").toFile());
        run.environment().put("WIREBENCH_TERMINAL", "1");
        Process p = run.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the run did not end within 180 s");
        String seen = Files.readString(dir.resolve("piped.out"));
        assertEquals(0, p.exitValue(), seen);
        assertTrue(seen.contains("\rpiped: CodecBenchmark.decode codec=json shape=small, benchmark 1 of 1"), "the live line: " + seen);
        assertTrue(seen.lines().noneMatch(l -> l.startsWith("   piped:")), "no line per benchmark: " + seen);
    }
}
