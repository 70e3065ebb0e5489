package io.wirebench.report.gate;

import io.wirebench.report.model.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gate on folders written as JMH writes them (3 forks x 3 iterations, with allocation): the same
 * suite against itself passes; the suite made 30% slower on purpose fails; a faster one is an
 * improvement; another JVM, or too few forks, is not comparable; added and removed benchmarks are listed.
 */
class RegressionGateTest {
    static final String ENV = "cpu: AMD EPYC x 2\nmemory: 24Gi\njava: openjdk version \"17.0.15\"\nnats-server: v2.9.10\n";

    @TempDir
    Path dir;

    /** Decode (avgt, us/op) around {@code decodeUs}, encode unchanged, allocation {@code allocBytes}; small fork-to-fork noise. */
    private Path run(String name, double decodeUs, double allocBytes, int forks, String env, boolean withEncode, boolean withRoundTrip)
            throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        StringBuilder json = new StringBuilder("[");
        json.append(result("io.wirebench.serialization.CodecBenchmark.decode", "avgt", "us/op", decodeUs, allocBytes, forks));
        if (withEncode) {
            json.append(',').append(result("io.wirebench.serialization.CodecBenchmark.encode", "avgt", "us/op", 50, 900, forks));
        }
        if (withRoundTrip) {
            json.append(',').append(result("io.wirebench.transport.RoundTripBenchmark.throughput", "thrpt", "ops/s", 4000, 5000, forks));
        }
        Files.writeString(folder.resolve("bench-serialization.json"), json.append(']'));
        Files.writeString(folder.resolve("environment.txt"), env);
        return folder;
    }

    private static String result(String benchmark, String mode, String unit, double center, double alloc, int forks) {
        StringBuilder raw = new StringBuilder("[");
        StringBuilder rawAlloc = new StringBuilder("[");
        double[] noise = {-0.01, 0.004, 0.012, -0.006, 0.0, 0.009, -0.011, 0.003, 0.007};
        for (int f = 0; f < forks; f++) {
            raw.append(f == 0 ? "" : ",").append('[');
            rawAlloc.append(f == 0 ? "" : ",").append('[');
            for (int i = 0; i < 3; i++) {
                raw.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", center * (1 + noise[(f * 3 + i) % 9])));
                rawAlloc.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.1f", alloc));
            }
            raw.append(']');
            rawAlloc.append(']');
        }
        return String.format(Locale.ROOT, """
                {"benchmark": "%s", "mode": "%s", "threads": 1, "forks": %d, "params": {"codec": "json", "shape": "small"},
                 "primaryMetric": {"score": %.4f, "scoreError": 0.5, "scoreUnit": "%s", "rawData": %s]},
                 "secondaryMetrics": {"gc.alloc.rate.norm": {"score": %.1f, "scoreError": 0.0, "scoreUnit": "B/op", "rawData": %s]}}}""",
                benchmark, mode, forks, center, unit, raw, alloc, rawAlloc);
    }

    private RegressionGate gate() {
        return new RegressionGate(RegressionGate.Settings.read(Path.of("../config/regression.yaml")));
    }

    @Test
    void theSameSuiteAgainstItselfPasses() throws IOException {
        RegressionGate.Outcome o = gate().compare(RunFolder.read(run("base", 100, 1000, 3, ENV, true, true)),
                RunFolder.read(run("same", 100, 1000, 3, ENV, true, true)));
        assertEquals(0, o.exitCode(), GateMarkdown.render(o));
        assertTrue(o.rows().stream().allMatch(r -> r.change() == RegressionGate.Change.NO_SIGNIFICANT_CHANGE), o.rows().toString());
        assertEquals(6, o.rows().size(), "score and allocation of three benchmarks");
    }

    @Test
    void aSuiteMadeThirtyPercentSlowerFails() throws IOException {
        RegressionGate.Outcome o = gate().compare(RunFolder.read(run("base", 100, 1000, 3, ENV, true, true)),
                RunFolder.read(run("slower", 130, 1000, 3, ENV, true, true)));
        assertEquals(1, o.exitCode());
        List<RegressionGate.Row> regressions = o.rows().stream().filter(r -> r.change() == RegressionGate.Change.REGRESSION).toList();
        assertEquals(1, regressions.size(), o.rows().toString());
        assertTrue(regressions.get(0).key().contains("CodecBenchmark.decode") && regressions.get(0).metric().equals("primary"));
        assertEquals(0.30, regressions.get(0).relative(), 0.01);
        String md = GateMarkdown.render(o);
        assertTrue(md.contains("**Regression** (exit 1)") && md.contains("+30.0%"), md);
    }

    @Test
    void moreAllocationIsARegressionOfItsOwnAndLessTimeAnImprovement() throws IOException {
        RegressionGate.Outcome o = gate().compare(RunFolder.read(run("base", 100, 1000, 3, ENV, false, false)),
                RunFolder.read(run("faster-fatter", 70, 1500, 3, ENV, false, false)));
        assertEquals(1, o.exitCode());
        assertEquals(RegressionGate.Change.IMPROVEMENT, o.rows().stream().filter(r -> r.metric().equals("primary")).findFirst().orElseThrow().change());
        assertEquals(RegressionGate.Change.REGRESSION,
                o.rows().stream().filter(r -> r.metric().equals("gc.alloc.rate.norm")).findFirst().orElseThrow().change());
    }

    @Test
    void aSmallChangeUnderTheThresholdIsNoSignificantChange() throws IOException {
        RegressionGate.Outcome o = gate().compare(RunFolder.read(run("base", 100, 1000, 3, ENV, false, false)),
                RunFolder.read(run("slightly", 105, 1000, 3, ENV, false, false)));
        assertEquals(0, o.exitCode(), "5% is under the default 10% threshold even if significant");
    }

    @Test
    void anotherJvmOrTooFewForksIsNotComparable() throws IOException {
        RegressionGate.Outcome jvm = gate().compare(RunFolder.read(run("base", 100, 1000, 3, ENV, false, false)),
                RunFolder.read(run("jdk25", 100, 1000, 3, ENV.replace("17.0.15", "25.0.1"), false, false)));
        assertEquals(2, jvm.exitCode());
        assertTrue(jvm.notComparable().get(0).startsWith("java differs"), jvm.notComparable().toString());
        RegressionGate.Outcome forks = gate().compare(RunFolder.read(run("base2", 100, 1000, 3, ENV, false, false)),
                RunFolder.read(run("oneFork", 100, 1000, 1, ENV, false, false)));
        assertEquals(2, forks.exitCode());
        assertTrue(forks.notComparable().get(0).contains("1 current forks; at least 3"), forks.notComparable().toString());
    }

    @Test
    void twoJvmsCompareWhenAskedAcrossTheJvm() throws IOException {
        RunFolder base = RunFolder.read(run("base", 100, 1000, 3, ENV, false, false));
        RunFolder jdk25 = RunFolder.read(run("jdk25", 130, 1000, 3, ENV.replace("17.0.15", "25.0.1"), false, false));
        RegressionGate.Outcome o = gate().compare(base, jdk25, java.util.Set.of("java"));
        assertEquals(1, o.exitCode(), "the JVM is allowed to differ; the 30% slowdown is then the JVM's");
        assertTrue(o.notComparable().isEmpty() && o.across().get(0).startsWith("java differs"), o.across().toString());
        String md = GateMarkdown.render(o);
        assertTrue(md.startsWith("# wirebench comparison") && md.contains("Compared across"), md);
        RunFolder otherCpu = RunFolder.read(run("cpu", 100, 1000, 3, ENV.replace("17.0.15", "25.0.1").replaceFirst("cpu: [^\\n]*", "cpu: another"),
                false, false));
        assertEquals(2, gate().compare(base, otherCpu, java.util.Set.of("java")).exitCode(), "only the named line may differ");
        assertThrows(IllegalArgumentException.class, () -> gate().compare(base, jdk25, java.util.Set.of("weather")));
    }

    @Test
    void addedAndRemovedBenchmarksAreListedNotDroppedAndAMissingOneMakesTheRunIncomplete() throws IOException {
        RegressionGate.Outcome o = gate().compare(RunFolder.read(run("base", 100, 1000, 3, ENV, true, false)),
                RunFolder.read(run("changed", 100, 1000, 3, ENV, false, true)));
        assertEquals(RegressionGate.INCOMPLETE, o.exitCode(), "a benchmark of the baseline was not run: the gate cannot vouch for it");
        assertTrue(GateMarkdown.render(o).contains("**Incomplete** (exit 3") && GateMarkdown.render(o).contains("missing from the current run"));
        assertEquals(1, o.added().size());
        assertTrue(o.added().get(0).contains("RoundTripBenchmark.throughput"));
        assertEquals(1, o.removed().size());
        assertTrue(o.removed().get(0).contains("CodecBenchmark.encode"));
        assertTrue(GateMarkdown.render(o).contains("Removed (in the baseline only)"));
    }

    /** Every fork of encode's time NaN, as JMH writes a failed measurement. */
    private static Path nanEncode(Path folder) throws IOException {
        Path json = folder.resolve("bench-serialization.json");
        String text = Files.readString(json);
        int raw = text.indexOf("\"rawData\": [", text.indexOf("CodecBenchmark.encode"));
        int end = text.indexOf("]]", raw);
        Files.writeString(json, text.substring(0, raw) + "\"rawData\": [[\"NaN\",\"NaN\",\"NaN\"],[\"NaN\",\"NaN\",\"NaN\"],[\"NaN\",\"NaN\",\"NaN\"]]"
                + text.substring(end + 2));
        return folder;
    }

    @Test
    void aNanBesideARealRegressionSilencesNothingAndIsListed() throws IOException {
        Path base = run("base", 100, 1000, 3, ENV, true, false);
        RegressionGate.Outcome o = gate().compare(RunFolder.read(base), RunFolder.read(nanEncode(run("slower", 150, 1000, 3, ENV, true, false))));
        assertEquals(1, o.exitCode(), GateMarkdown.render(o));
        assertTrue(o.rows().stream().anyMatch(r -> r.key().contains("decode") && r.metric().equals("primary") && r.change() == RegressionGate.Change.REGRESSION),
                GateMarkdown.render(o));
        assertTrue(o.rows().stream().anyMatch(r -> r.key().contains("encode") && r.metric().equals("primary") && r.change() == RegressionGate.Change.UNTESTABLE),
                GateMarkdown.render(o));
        assertTrue(o.incomplete().stream().anyMatch(i -> i.startsWith("untestable (NaN)") && i.contains("encode")), o.incomplete().toString());
        // the NaN alone: nothing regressed, but the gate cannot say "no regression" either
        RegressionGate.Outcome nanOnly = gate().compare(RunFolder.read(base), RunFolder.read(nanEncode(run("same", 100, 1000, 3, ENV, true, false))));
        assertEquals(RegressionGate.INCOMPLETE, nanOnly.exitCode(), GateMarkdown.render(nanOnly));
    }

    @Test
    void aDamagedFileOrAFailedModuleMakesTheRunIncomplete() throws IOException {
        Path base = run("base", 100, 1000, 3, ENV, false, false);
        Path damaged = run("damaged", 100, 1000, 3, ENV, false, false);
        Files.writeString(damaged.resolve("bench-e2e.json"), "[{\"benchmark\": \"io.wirebench.e2e.Order");
        RegressionGate.Outcome o = gate().compare(RunFolder.read(base), RunFolder.read(damaged));
        assertEquals(RegressionGate.INCOMPLETE, o.exitCode(), GateMarkdown.render(o));
        assertTrue(o.incomplete().stream().anyMatch(i -> i.contains("bench-e2e.json")), o.incomplete().toString());
        Path failed = run("failed", 100, 1000, 3, ENV + "failed: bench-e2e load-ecommerce-nats\n", false, false);
        RegressionGate.Outcome f = gate().compare(RunFolder.read(base), RunFolder.read(failed));
        assertEquals(RegressionGate.INCOMPLETE, f.exitCode(), GateMarkdown.render(f));
        assertTrue(f.incomplete().contains("the current run says these failed: bench-e2e load-ecommerce-nats"), f.incomplete().toString());
    }

    @Test
    void theCommandExitsWithTheGatesCode() throws IOException {
        Path base = run("base", 100, 1000, 3, ENV, false, false);
        Path slower = run("slower", 130, 1000, 3, ENV, false, false);
        Path summary = dir.resolve("summary.md");
        assertEquals(1, new CommandLine(new CompareCommand()).execute(base.toString(), slower.toString(),
                "--config", "../config/regression.yaml", "--out", summary.toString()));
        assertTrue(Files.readString(summary).contains("Regressions"));
        assertEquals(0, new CommandLine(new CompareCommand()).execute(base.toString(), base.toString(), "--config", "../config/regression.yaml"));
        Path bad = Files.writeString(dir.resolve("regression.yaml"), "alpha: 0.01\nmin_forks: 1\ndefault_threshold: 0.1\nthresholds: {}\n");
        CommandLine cli = new CommandLine(new CompareCommand());
        StringBuilder error = new StringBuilder();
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            error.append(e.getMessage());
            return 2;
        });
        assertEquals(2, cli.execute(base.toString(), base.toString(), "--config", bad.toString()));
        assertTrue(error.toString().startsWith(bad + ": min_forks: must be at least 2"), error.toString());
    }
}
