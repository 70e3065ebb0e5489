package io.wirebench.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirebench.report.model.ForkStatistics;
import io.wirebench.report.model.JmhJson;
import io.wirebench.report.model.JmhResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interleaved forks: the A B B A schedule from a recorded seed, its recovery of a known ratio under drift
 * where running the settings one after the other does not, the plan read from JMH options, the merge of
 * single-fork files, and a real interleaved run of a benchmarks jar whose JSON keeps each class's heap settings.
 */
class InterleavingTest {
    @TempDir
    Path dir;

    @Test
    void roundsComeInPairsOfAnOrderAndItsReverseFromTheSeed() {
        InterleavedSchedule s = InterleavedSchedule.of(List.of("nats", "http", "redis"), 4, 42);
        assertEquals(12, s.slots().size());
        for (int round = 0; round < 4; round++) {
            int r = round;
            assertEquals(List.of("http", "nats", "redis"), s.slots().stream().filter(x -> x.round() == r).map(InterleavedSchedule.Slot::setting).sorted().toList(),
                    "every setting once a round");
        }
        List<String> first = s.slots().subList(0, 3).stream().map(InterleavedSchedule.Slot::setting).toList();
        List<String> second = new ArrayList<>(s.slots().subList(3, 6).stream().map(InterleavedSchedule.Slot::setting).toList());
        java.util.Collections.reverse(second);
        assertEquals(first, second, "round 1 runs round 0's order reversed");
        assertEquals(s, InterleavedSchedule.of(List.of("nats", "http", "redis"), 4, 42), "the seed repeats the order");
        assertTrue(s.describe().matches("\\w+, \\w+, \\w+ \\| \\w+, \\w+, \\w+ \\| \\w+, \\w+, \\w+ \\| \\w+, \\w+, \\w+"), s.describe());
    }

    /** The machine drifts by -30% to +40% over the run (a ramp); B is truly twice A; each fork has 1% noise. */
    @Test
    void interleavingRecoversAKnownRatioUnderDriftWhereSequentialOrderDoesNot() {
        int rounds = 5;
        double truth = 2.0;
        Random noise = new Random(7);
        int slots = 2 * rounds;
        java.util.function.IntToDoubleFunction drift = position -> 0.7 + 0.7 * position / (slots - 1.0);
        // sequential: A's five forks, then B's
        List<Double> aSeq = new ArrayList<>();
        List<Double> bSeq = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            aSeq.add(100 * drift.applyAsDouble(i) * (1 + 0.01 * noise.nextGaussian()));
            bSeq.add(100 * truth * drift.applyAsDouble(rounds + i) * (1 + 0.01 * noise.nextGaussian()));
        }
        double[] sequential = ForkStatistics.ratio(bSeq, aSeq);
        assertFalse(sequential[1] <= truth && truth <= sequential[2], "sequential order confuses drift with a difference: " + Arrays.toString(sequential));
        // interleaved: the same drift over the same number of slots, in the schedule's order
        InterleavedSchedule schedule = InterleavedSchedule.of(List.of("A", "B"), rounds, 2026);
        Map<String, List<Double>> values = new HashMap<>();
        Map<String, List<Integer>> roundsOf = new HashMap<>();
        for (int position = 0; position < schedule.slots().size(); position++) {
            InterleavedSchedule.Slot slot = schedule.slots().get(position);
            double base = "A".equals(slot.setting()) ? 100 : 100 * truth;
            values.computeIfAbsent(slot.setting(), k -> new ArrayList<>()).add(base * drift.applyAsDouble(position) * (1 + 0.01 * noise.nextGaussian()));
            roundsOf.computeIfAbsent(slot.setting(), k -> new ArrayList<>()).add(slot.round());
        }
        // paired by round, as the report pairs two figures of one interleaved run (its Figure.ratio)
        List<Double> aByRound = byRound(values.get("A"), roundsOf.get("A"));
        List<Double> bByRound = byRound(values.get("B"), roundsOf.get("B"));
        double[] interleaved = ForkStatistics.pairedRatio(bByRound, aByRound);
        assertTrue(interleaved[1] <= truth && truth <= interleaved[2], "interleaved, paired by round: " + Arrays.toString(interleaved));
        assertEquals(truth, interleaved[0], 0.1);
        double[] unpaired = ForkStatistics.ratio(values.get("B"), values.get("A"));
        assertTrue(unpaired[2] - unpaired[1] > 3 * (interleaved[2] - interleaved[1]),
                "pairing takes the drift out of the interval: paired " + Arrays.toString(interleaved) + ", unpaired " + Arrays.toString(unpaired));
    }

    /** One setting's fork values in round order. */
    private static List<Double> byRound(List<Double> values, List<Integer> rounds) {
        TreeMap<Integer, Double> ordered = new TreeMap<>();
        for (int i = 0; i < values.size(); i++) {
            ordered.put(rounds.get(i), values.get(i));
        }
        return List.copyOf(ordered.values());
    }

    @Test
    void thePlanComesFromTheJmhOptions() {
        JmhRunCommand.Interleaved plan = JmhRunCommand.Interleaved.plan(
                List.of("-f", "5", "-wi", "5", "-p", "transport=nats,http", "-p", "shape=tiny", "-f", "3"), List.of("transport"), p -> List.of("unused"));
        assertEquals(3, plan.rounds(), "the last -f, as JMH takes it");
        assertEquals(List.of("transport=nats", "transport=http"), plan.settings());
        assertEquals(List.of("-wi", "5", "-p", "shape=tiny"), plan.rest());
        JmhRunCommand.Interleaved both = JmhRunCommand.Interleaved.plan(
                List.of("-f", "3", "-p", "transport=nats,http", "-p", "shape=tiny,small"), List.of("transport", "shape"), p -> List.of("unused"));
        assertEquals(List.of("transport=nats shape=tiny", "transport=nats shape=small", "transport=http shape=tiny", "transport=http shape=small"),
                both.settings(), "every combination is a setting of its own: its forks run next to the others'");
        assertEquals(List.of("transport=a", "transport=b"), JmhRunCommand.Interleaved.plan(List.of("-f", "2"), List.of("transport"), p -> List.of("a", "b")).settings(),
                "without -p, the values JMH lists");
        IllegalArgumentException noForks = assertThrows(IllegalArgumentException.class,
                () -> JmhRunCommand.Interleaved.plan(List.of("-p", "transport=a,b"), List.of("transport"), p -> List.of()));
        assertTrue(noForks.getMessage().contains("needs -f N"), noForks.getMessage());
        String listing = "Benchmarks: \nx.A.m\n  param \"transport\" = {nats, http}\n  param \"shape\" = {tiny}\nx.B.m\n  param \"transport\" = {nats, http}\n";
        assertEquals(List.of("nats", "http"), JmhListing.parse(listing).valuesOf("transport"));
        // the live progress's N: each benchmark at each combination of its params (-p replacing the listed values), in each mode
        assertEquals(4, JmhListing.parse(listing).count(List.of("-f", "3")));
        assertEquals(2, JmhListing.parse(listing).count(List.of("-p", "transport=nats,http,redis", "-p", "transport=nats")), "the last -p wins");
        assertEquals(2 * 3 + 3, JmhListing.parse(listing).count(List.of("-p", "transport=a,b,c", "-p", "shape=x,y")), "shape only where listed");
        assertEquals(8, JmhListing.parse(listing).count(List.of("-bm", "avgt,sample")));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> JmhListing.parse(listing + "x.C.m\n  param \"shape\" = {tiny}\n").valuesOf("transport"));
        assertTrue(missing.getMessage().contains("has no such @Param"), missing.getMessage());
    }

    @Test
    void singleForkFilesMergeIntoOneResultPerSettingWithTheirRounds() throws IOException {
        String one = """
                [{"benchmark": "x.Bench.m", "mode": "avgt", "threads": 1, "forks": 1, "params": {"transport": "%s"},
                  "primaryMetric": {"score": %s, "scoreError": 0.1, "scoreUnit": "us/op", "rawData": [[%s, %s]]},
                  "secondaryMetrics": {"gc.alloc.rate.norm": {"score": 64, "scoreError": "NaN", "scoreUnit": "B/op", "rawData": [[64, 64]]}}}]
                """;
        List<InterleavedMerge.Fork> forks = List.of(
                new InterleavedMerge.Fork(new InterleavedSchedule.Slot(0, "nats"), 0, Files.writeString(dir.resolve("r00-nats.json"), one.formatted("nats", 10, 9, 11))),
                new InterleavedMerge.Fork(new InterleavedSchedule.Slot(0, "http"), 1, Files.writeString(dir.resolve("r00-http.json"), one.formatted("http", 20, 20, 20))),
                new InterleavedMerge.Fork(new InterleavedSchedule.Slot(1, "http"), 2, Files.writeString(dir.resolve("r01-http.json"), one.formatted("http", 22, 22, 22))),
                new InterleavedMerge.Fork(new InterleavedSchedule.Slot(1, "nats"), 3, Files.writeString(dir.resolve("r01-nats.json"), one.formatted("nats", 12, 12, 12))));
        Path merged = dir.resolve("merged.json");
        new ObjectMapper().writeValue(merged.toFile(), InterleavedMerge.merge("bench", 99, forks));
        List<JmhResult> results = JmhJson.read(merged);
        assertEquals(2, results.size());
        JmhResult nats = results.stream().filter(r -> r.params().get("transport").equals("nats")).findFirst().orElseThrow();
        assertEquals(2, nats.forkCount());
        assertEquals(List.of(10.0, 12.0), nats.forkValues("primary"));
        assertEquals(11.0, nats.primary().score(), 1e-9, "the mean of every iteration");
        assertTrue(Double.isNaN(nats.primary().error()), "no error from JMH's arithmetic");
        assertEquals(new JmhResult.Interleaving("bench", 99, List.of(0, 1)), nats.interleaving());
        assertEquals(List.of(64.0, 64.0), nats.forkValues("gc.alloc.rate.norm"));
        JsonNode node = new ObjectMapper().readTree(merged.toFile()).get(0).path("wirebench").path("interleaved");
        assertEquals("[0,3]", node.path("positions").toString(), "each fork's place in the whole run");
    }

    /** A real interleaved run of bench-serialization's jar (built before this module in the reactor): 2 codecs x 2 rounds. */
    @Test
    void aRealInterleavedRunKeepsEachClasssHeapSettingsAndRecordsItsSeed() throws IOException {
        Path jar = Path.of("../bench-serialization/target/benchmarks.jar");
        assertTrue(Files.isRegularFile(jar), jar.toAbsolutePath() + " is missing: build the whole reactor (mvn verify), the report module comes last");
        Path out = dir.resolve("bench-serialization.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int exit = new CommandLine(new JmhRunCommand()).execute("--java", java, "--jar", jar.toString(), "--include", "\\.CodecBenchmark\\.decode$",
                "--out", out.toString(), "--log", dir.resolve("run.log").toString(), "--fork-props", "-Dwirebench.results=" + dir,
                "--interleave", "codec", "--seed", "12345", "--timeout-minutes", "5",
                "--", "-f", "2", "-wi", "0", "-i", "2", "-r", "100ms", "-p", "codec=json,kryo", "-p", "shape=small");
        assertEquals(0, exit, Files.exists(dir.resolve("run.log")) ? Files.readString(dir.resolve("run.log")) : "no log");
        JsonNode results = new ObjectMapper().readTree(out.toFile());
        assertEquals(2, results.size(), "json and kryo, each merged from its 2 forks");
        for (JsonNode r : results) {
            assertEquals(2, r.path("forks").asInt());
            List<String> jvmArgs = new ArrayList<>();
            r.path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
            assertTrue(jvmArgs.contains("-Xms2g") && jvmArgs.contains("-Xmx2g"), "the class's @Fork(jvmArgsAppend) stays: " + jvmArgs);
            assertTrue(jvmArgs.contains("-Dwirebench.results=" + dir), "and the run's own are added: " + jvmArgs);
            assertEquals(12345, r.path("wirebench").path("interleaved").path("seed").asLong());
            assertEquals("[0,1]", r.path("wirebench").path("interleaved").path("rounds").toString());
        }
        try (var files = Files.list(dir.resolve("forks/bench-serialization"))) {
            assertEquals(4, files.count(), "the single-fork files stay");
        }
        List<JmhResult> read = JmhJson.read(out);
        assertEquals(List.of(0, 1), read.get(0).interleaving().rounds(), "the rounds the report pairs by (2: under 3 pairs, no paired interval)");
    }
}
