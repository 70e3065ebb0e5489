package io.wirebench.report.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirebench.report.model.JmhResult;
import io.wirebench.report.model.Metric;
import io.wirebench.report.model.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the gate can see, with config/regression.yaml as committed (one-sided Welch per benchmark at alpha
 * 0.01, beyond the benchmark's threshold, 3 forks a side), on synthetic runs of forty benchmarks: one slowed
 * by 25% is flagged in at least 80% of runs where its forks vary by 3% or less; three reruns of the same code
 * at a fork variation of 3% raise no alarm in at least 90% of triples. And on the committed baseline, one
 * benchmark made 50% slower beside another whose forks are all NaN is a regression (exit 1), the NaN listed.
 * Each run gets a folder of its own under the test's temporary directory, which JUnit removes.
 */
class GatePowerTest {
    private static final String ENV = "cpu: x\njava: 17\n";
    private static final String DECODE_LARGE = "io.wirebench.serialization.CodecBenchmark.decode avgt t=1 {codec=json, shape=large}";

    @TempDir
    Path dir;

    private static RegressionGate gate() {
        return new RegressionGate(RegressionGate.Settings.read(Path.of("../config/regression.yaml")));
    }

    /** A run of {@code benchmarks} results with 3 forks each around 100 x (i + 1), fork CV {@code cv}; result {@code slowed} x factor. */
    private RunFolder run(String name, Random random, int benchmarks, double cv, int slowed, double factor) throws IOException {
        return run(name, random, benchmarks, cv, slowed, factor, 1);
    }

    /** As above, on a machine running {@code machine} times as slow as usual (every benchmark's time x machine). */
    private RunFolder run(String name, Random random, int benchmarks, double cv, int slowed, double factor, double machine) throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < benchmarks; i++) {
            StringBuilder raw = new StringBuilder();
            for (int f = 0; f < 3; f++) {
                double v = 100 * (i + 1) * machine * (i == slowed ? factor : 1) * (1 + cv * random.nextGaussian());
                raw.append(f == 0 ? "" : ",").append('[').append(v).append(',').append(v).append(']');
            }
            json.append(i == 0 ? "" : ",").append("""
                    {"benchmark": "io.wirebench.serialization.CodecBenchmark.decode", "mode": "avgt", "threads": 1, "forks": 3,
                     "params": {"codec": "c%d"}, "primaryMetric": {"score": 1, "scoreError": "NaN", "scoreUnit": "us/op", "rawData": [%s]}}
                    """.formatted(i, raw));
        }
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("bench-serialization.json"), json.append(']'));
        Files.writeString(folder.resolve("environment.txt"), ENV);
        return RunFolder.read(folder);
    }

    @Test
    void oneBenchmarkSlowedByAQuarterIsFlaggedWhereItsForksVaryByThreePercentOrLess() throws IOException {
        Random random = new Random(16);
        for (double cv : new double[] {0.01, 0.02, 0.03}) {
            int flagged = 0;
            int trials = 100;
            for (int t = 0; t < trials; t++) {
                RegressionGate.Outcome o = gate().compare(run("b" + cv + "-" + t, random, 40, cv, -1, 1), run("c" + cv + "-" + t, random, 40, cv, 7, 1.25));
                flagged += o.rows().stream().anyMatch(r -> r.key().contains("codec=c7") && r.change() == RegressionGate.Change.REGRESSION) ? 1 : 0;
            }
            assertTrue(flagged >= 80, "fork CV " + cv + ": flagged in " + flagged + " of " + trials + " runs");
        }
    }

    /**
     * Runs tens of minutes apart: the machine 15% faster or 15% slower for every benchmark at once (two nightly
     * runs of the same code here differed by 13-16% in the CPU-bound modules). Judged against its module's
     * drift, the one benchmark slowed by 25% is still flagged and nothing else is; on the raw change, the faster
     * machine would hide it and the slower one would flag all 40.
     */
    @Test
    void theMachinesDriftBetweenRunsNeitherHidesNorFakesARegression() throws IOException {
        Random random = new Random(19);
        int flagged = 0;
        int falseAlarms = 0;
        int trials = 50;
        for (int t = 0; t < trials; t++) {
            RunFolder baseline = run("db" + t, random, 40, 0.02, -1, 1);
            RegressionGate.Outcome faster = gate().compare(baseline, run("df" + t, random, 40, 0.02, 7, 1.25, 0.85));
            flagged += faster.rows().stream().anyMatch(r -> r.key().contains("codec=c7") && r.change() == RegressionGate.Change.REGRESSION) ? 1 : 0;
            falseAlarms += faster.rows().stream().filter(r -> !r.key().contains("codec=c7") && r.change() != RegressionGate.Change.NO_SIGNIFICANT_CHANGE).count() > 0 ? 1 : 0;
            RegressionGate.Outcome slower = gate().compare(baseline, run("ds" + t, random, 40, 0.02, -1, 1, 1.15));
            falseAlarms += slower.exitCode() != 0 ? 1 : 0;
            assertEquals(1.15, slower.drift().get("serialization"), 0.03, "the drift is measured and printed");
            assertTrue(GateMarkdown.render(slower).contains("serialization ×1.1"), GateMarkdown.render(slower));
        }
        assertTrue(flagged >= 40, "flagged under a 15% faster machine in " + flagged + " of " + trials);
        assertTrue(falseAlarms <= 5, falseAlarms + " false alarms in " + 2 * trials + " comparisons");
        RegressionGate.Settings raw = RegressionGate.Settings.read(Files.writeString(dir.resolve("raw.yaml"),
                Files.readString(Path.of("../config/regression.yaml")).replaceFirst("(?m)^drift: module", "drift: none")));
        assertEquals(1, new RegressionGate(raw).compare(run("rb", random, 40, 0.02, -1, 1), run("rs", random, 40, 0.02, -1, 1, 1.15)).exitCode(),
                "without the adjustment a slower machine is a regression everywhere");
    }

    @Test
    void threeRerunsOfTheSameCodeStayQuiet() throws IOException {
        Random random = new Random(17);
        int quiet = 0;
        int triples = 50;
        for (int t = 0; t < triples; t++) {
            RunFolder baseline = run("base" + t, random, 40, 0.03, -1, 1);
            boolean alarm = false;
            for (int rerun = 0; rerun < 3; rerun++) {
                alarm |= gate().compare(baseline, run("re" + t + "-" + rerun, random, 40, 0.03, -1, 1)).exitCode() != 0;
            }
            quiet += alarm ? 0 : 1;
        }
        assertTrue(quiet >= 45, quiet + " of " + triples + " triples of reruns raised no alarm");
    }

    @Test
    void theRowsSayWhatTheGateCanSee() throws IOException {
        Random random = new Random(18);
        RegressionGate.Outcome o = gate().compare(run("b", random, 3, 0.03, -1, 1), run("c", random, 3, 0.03, -1, 1));
        for (RegressionGate.Row r : o.rows()) {
            // (t(0.99, df) + t(0.8, df)) x se / mean: about 4.7 x 0.03 x sqrt(2/3) = 11.5% with df = 4
            assertTrue(r.mdc() > 0.05 && r.mdc() < 0.3, r.key() + ": " + r.mdc());
            assertEquals(Math.max(r.threshold(), r.mdc()), r.visible());
        }
        assertTrue(GateMarkdown.render(o).contains("| can see (80% power) |"), GateMarkdown.render(o));
    }

    /** The review's check, on the committed baseline: decode json large x 1.5, another benchmark all NaN. */
    @Test
    void theCommittedBaselineWithOneBenchmarkSlowerAndAnotherNanIsARegression() throws IOException {
        Path baseline = Path.of("../results/baseline");
        Path copy = Files.createDirectories(dir.resolve("copy"));
        try (Stream<Path> files = Files.list(baseline)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        ObjectMapper mapper = new ObjectMapper();
        int slowed = 0;
        int nan = 0;
        List<Path> serializationFiles;
        try (Stream<Path> files = Files.list(copy)) {
            // bench-serialization.json, or the nightly profile's run of it (bench-serialization-codecs.json)
            serializationFiles = files.filter(f -> f.getFileName().toString().matches("bench-serialization.*\\.json")).sorted().toList();
        }
        for (Path serialization : serializationFiles) {
            ArrayNode results = (ArrayNode) mapper.readTree(serialization.toFile());
            for (JsonNode r : results) {
                String key = new JmhResult(r.path("benchmark").asText(), r.path("mode").asText(), r.path("threads").asInt(), 3,
                        mapper.convertValue(r.path("params"), Map.class), new Metric(0, 0, ""), Map.of()).key();
                ObjectNode primary = (ObjectNode) r.get("primaryMetric");
                if (key.equals(DECODE_LARGE)) {
                    primary.set("rawData", scaled(mapper, primary.get("rawData"), 1.5));
                    slowed++;
                } else if (nan == 0 && key.contains("CodecBenchmark.encode")) {
                    primary.set("rawData", scaled(mapper, primary.get("rawData"), Double.NaN));
                    nan++;
                }
            }
            mapper.writeValue(serialization.toFile(), results);
        }
        assertEquals(1, slowed, DECODE_LARGE + " is in the committed baseline");
        RegressionGate.Outcome o = gate().compare(RunFolder.read(baseline), RunFolder.read(copy));
        assertEquals(1, o.exitCode(), GateMarkdown.render(o));
        assertTrue(o.rows().stream().anyMatch(r -> r.key().equals(DECODE_LARGE) && r.metric().equals("primary") && r.change() == RegressionGate.Change.REGRESSION),
                GateMarkdown.render(o));
        assertTrue(o.incomplete().stream().anyMatch(i -> i.startsWith("untestable (NaN)") && i.contains("CodecBenchmark.encode")), o.incomplete().toString());
    }

    private static ArrayNode scaled(ObjectMapper mapper, JsonNode raw, double factor) {
        ArrayNode out = mapper.createArrayNode();
        for (JsonNode fork : raw) {
            ArrayNode f = out.addArray();
            fork.forEach(v -> {
                if (Double.isNaN(factor)) {
                    f.add("NaN");
                } else {
                    f.add(v.asDouble() * factor);
                }
            });
        }
        return out;
    }
}
