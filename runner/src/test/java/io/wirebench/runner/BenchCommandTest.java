package io.wirebench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirebench.report.model.RunEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code scripts/bench} runs: the plan of the shipped profiles (decided before anything starts), and one real run of
 * a smoke-sized profile over bench-serialization's jar, as the script starts it (its own JVM, from the repository root),
 * with a step that fails on purpose: the folder, environment.txt with its failed line, the JSON, the report, the exit code.
 */
class BenchCommandTest {
    static final Path CONFIG = Path.of("../config/benchmark-config.yaml");
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void theQuickProfileSmokesEveryModuleOnceThenMeasuresTheHeadlinePairInterleaved() {
        BenchmarkProfiles profiles = BenchmarkProfiles.read(CONFIG);
        BenchPlan plan = BenchPlan.of(profiles, profiles.profile(CONFIG, "quick"), null, false, List.of("-wi", "0"));
        List<BenchPlan.JmhStep> smoke = plan.jmhRuns().stream().filter(s -> s.name().endsWith("-smoke")).toList();
        assertEquals(profiles.modules(), smoke.stream().map(BenchPlan.JmhStep::module).toList(), "every module smoked once");
        for (BenchPlan.JmhStep step : plan.jmhRuns()) {
            List<String> args = step.jmhArguments();
            assertEquals(List.of("-wi", "0"), args.subList(args.size() - 2, args.size()), step.name());
            assertEquals(1, args.stream().filter("-wi"::equals).count(), step.name() + ": the profile's -wi is replaced, not repeated: " + args);
        }
        smoke.forEach(s -> assertEquals("", s.include(), "every benchmark"));
        smoke.forEach(s -> assertNull(s.interleave(), s.name() + ": a smoke run is not interleaved"));
        BenchPlan.JmhStep headline = plan.jmhRuns().stream().filter(s -> s.name().equals("bench-transport-headline")).findFirst().orElseThrow();
        assertEquals("transport", headline.interleave(), "NATS and HTTP fork by fork");
        assertEquals("3", headline.jmhArguments().get(headline.jmhArguments().indexOf("-f") + 1), "3 forks each: an interval");
        assertTrue(plan.measuresPeers(), "their floors, for a bounded verdict");
        assertTrue(plan.loads().isEmpty());
    }

    @Test
    void onlyNarrowsEveryRunAndLeavesOutTheFloorsAndTheLoadRuns() {
        BenchmarkProfiles profiles = BenchmarkProfiles.read(CONFIG);
        BenchmarkProfiles.Profile nightly = profiles.profile(CONFIG, "nightly");
        BenchPlan whole = BenchPlan.of(profiles, nightly, null, false, List.of());
        assertTrue(whole.measuresPeers() && !whole.loads().isEmpty(), "the nightly profile measures floors and has load runs");
        assertEquals(nightly.runs().size(), whole.jmhRuns().size(), "a profile's own runs");
        assertEquals("transport,shape", whole.jmhRuns().stream().filter(s -> s.module().equals("bench-transport")).findFirst().orElseThrow()
                .interleave());
        BenchPlan only = BenchPlan.of(profiles, nightly, "CodecBenchmark", false, List.of());
        assertFalse(only.measuresPeers());
        assertTrue(only.loads().isEmpty());
        assertTrue(only.jmhRuns().stream().allMatch(s -> s.include().equals("CodecBenchmark")));
    }

    @Test
    void splitPlacementMovesOnlyTheRoundTripsServiceApart() {
        BenchmarkProfiles profiles = BenchmarkProfiles.read(CONFIG);
        BenchPlan plan = BenchPlan.of(profiles, profiles.profile(CONFIG, "quick"), null, true, List.of());
        for (BenchPlan.JmhStep step : plan.jmhRuns()) {
            String args = String.join(" ", step.jmhArguments());
            assertEquals(step.module().equals("bench-transport"), args.contains("-p placement=split"), step.name() + ": " + args);
        }
    }

    @Test
    void aFailedBenchRunIsNeverNoRegression() {
        assertEquals(3, NightlyCommand.exitCode(1, 0), "failed, and the gate saw nothing wrong: incomplete");
        assertEquals(1, NightlyCommand.exitCode(1, 1), "a regression stays a regression");
        assertEquals(2, NightlyCommand.exitCode(1, 2));
        assertEquals(0, NightlyCommand.exitCode(0, 0));
        assertEquals(1, NightlyCommand.exitCode(0, 1));
    }

    /** A smoke profile: one codec decode of bench-serialization, and a second run whose include matches nothing it can run. */
    @Test
    void aRunWritesItsFolderAndReportAndListsTheStepThatFailed() throws Exception {
        Path jar = ROOT.resolve("bench-serialization/target/benchmarks.jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing: build the whole reactor (mvn verify), the runner module comes last");
        Path config = dir.resolve("benchmark-config.yaml");
        Files.writeString(config, """
                modules: [bench-serialization]
                profiles:
                  smoke:
                    jmh: [-f, "1", -wi, "0", -i, "1", -w, 100ms, -r, 100ms, -foe, "true"]
                    params: {}
                    runs:
                      - {module: bench-serialization, name: decode, include: '\\.CodecBenchmark\\.decode$', args: [-p, codec=json, -p, shape=small]}
                      - {module: bench-serialization, name: broken, include: '\\.CodecBenchmark\\.decode$', args: [-p, codec=no-such-codec, -p, shape=small]}
                    load: []
                """, StandardCharsets.UTF_8);
        Path results = dir.resolve("results");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process bench = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), BenchCommand.class.getName(), "smoke",
                "--config", config.toString(), "--results", results.toString(), "--claims", "none").directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("bench.out").toFile()).start();
        assertTrue(bench.waitFor(240, TimeUnit.SECONDS), "the run did not end within 240 s");
        String output = Files.readString(dir.resolve("bench.out"), StandardCharsets.UTF_8);
        assertEquals(1, bench.exitValue(), "a step failed: " + output);
        Path folder = onlyFolder(results);
        assertTrue(folder.getFileName().toString().matches("\\d{8}T\\d{6}Z-smoke-[0-9a-f]+"), folder.toString());
        RunEnvironment environment = RunEnvironment.read(folder.resolve("environment.txt"));
        assertEquals("bench-serialization-broken", environment.get("failed"), "what the gate reads to call the run incomplete: " + output);
        assertEquals("colocated", environment.get("placement"));
        assertTrue(environment.get("seed").matches("\\d+"), environment.get("seed"));
        assertTrue(environment.serverKeys().size() >= 1, "one server line per server program of the registry: " + environment.lines());
        assertTrue(Files.readString(folder.resolve("bench-serialization-decode.json")).contains("CodecBenchmark.decode"));
        assertTrue(Files.isRegularFile(folder.resolve("report.md")) && Files.isRegularFile(folder.resolve("report.html")), output);
        assertTrue(output.contains("results: " + folder) && output.contains("failed: bench-serialization-broken"), output);
    }

    private static Path onlyFolder(Path results) throws IOException {
        try (Stream<Path> folders = Files.list(results)) {
            List<Path> all = folders.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }
}
