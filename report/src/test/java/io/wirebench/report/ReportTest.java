package io.wirebench.report;

import io.wirebench.report.claims.Claim;
import io.wirebench.report.claims.Claims;
import io.wirebench.report.claims.HarnessEfficiency;
import io.wirebench.report.model.JmhJsonTest;
import io.wirebench.report.model.LoadRun;
import io.wirebench.report.model.RunFolder;
import io.wirebench.yaml.ConfigFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report over a results folder made of real files (a transport latency run, the e2e latency run, an
 * e-commerce load run) plus a truncated one: every readable file is reported, the broken one is listed,
 * the claims are answered from the figures, and the three outputs are what they promise.
 */
class ReportTest {
    @TempDir
    Path dir;

    @BeforeEach
    void folder() throws IOException {
        RunFixture.copyTo(dir);
        Files.writeString(dir.resolve("bench-validation.json"), "[{\"benchmark\": \"io.wirebench.validation.Valid");
        Files.writeString(dir.resolve("environment.txt"), "cpu: test x 2\n");
    }

    @Test
    void aBrokenFileIsListedAndTheOthersAreStillRead() throws IOException {
        Path profiler = Files.createDirectories(dir.resolve("flamegraphs/1"));
        Files.copy(dir.resolve("bench-transport.json"), profiler.resolve("profile.json"));
        RunFolder run = RunFolder.read(dir);
        assertEquals(1, run.problems().size(), run.problems().toString());
        assertTrue(run.problems().keySet().iterator().next().endsWith("bench-validation.json"));
        assertEquals(List.of("bench-e2e", "bench-transport"), List.copyOf(run.jmhByFile().keySet()), "a profiler's output is not a result of the run");
        assertEquals(1, run.loads().size());
        assertEquals("ecommerce", run.loads().get(0).scenario());
        assertEquals(200, run.loads().get(0).targetRate());
    }

    @Test
    void claimsAreAnsweredFromTheFigures() {
        List<Claims.Answer> answers = Claims.read(Path.of("../config/claims.yaml")).check(RunFolder.read(dir));
        Map<String, Claims.Verdict> byId = new java.util.HashMap<>();
        answers.forEach(a -> byId.put(a.claim().id(), a.verdict()));
        // NATS tiny p50 in this run (results/claims, 3 forks): 321 us [280, 361]
        assertEquals(Claims.Verdict.SUPPORTED, byId.get("sub-ms-rpc"));
        Claims.Answer subMs = answers.stream().filter(a -> a.claim().id().equals("sub-ms-rpc")).findFirst().orElseThrow();
        assertTrue(subMs.evidence().get(0).contains("p0.50 = 321 [280, 361] us/op (95% t over 3 forks)"), subMs.evidence().toString());
        // one load run at 200/s: nothing was asked of 10,000/s
        assertEquals(Claims.Verdict.INCONCLUSIVE, byId.get("ten-thousand-rps"));
        // one caller: HTTP's mean over NATS's is 0.28x for tiny; small's HTTP forks were still slowing down; and this
        // folder has no peers.json, so neither transport has a floor: each range reaches down to zero, and no corner decides
        assertEquals(Claims.Verdict.INCONCLUSIVE, byId.get("faster-than-http"));
        Claims.Answer http = answers.stream().filter(a -> a.claim().id().equals("faster-than-http")).findFirst().orElseThrow();
        assertTrue(http.evidence().stream().anyMatch(e -> e.startsWith("shape=tiny t=1: measured 0.28x [0.24, 0.32]")
                && e.contains("http in [0.00 (no floor in this run), 98.3 (the suite's upper end)]") && e.endsWith(": INCONCLUSIVE")), http.evidence().toString());
        assertTrue(http.evidence().stream().anyMatch(e -> e.startsWith("shape=small t=1") && e.contains("∞ (the suite's figure ⏳ slowing down)")),
                http.evidence().toString());
        assertTrue(http.evidence().stream().anyMatch(e -> e.startsWith("bounded by the floors, since the harness was not measured")),
                http.evidence().toString());
        // the whole pipeline: REFUTED by the ratio alone, INCONCLUSIVE without the floors (no floor bounds a pipeline)
        assertEquals(Claims.Verdict.INCONCLUSIVE, byId.get("faster-than-http-order-pipeline"));
        Claims.Answer pipeline = answers.stream().filter(a -> a.claim().id().equals("faster-than-http-order-pipeline")).findFirst().orElseThrow();
        assertTrue(pipeline.evidence().get(0).startsWith("INCONCLUSIVE within the bounds the floors allow"), pipeline.evidence().toString());
        // no 16-caller results and no goodput results in this folder
        assertEquals(Claims.Verdict.INCONCLUSIVE, byId.get("minimal-degradation"));
        assertEquals(Claims.Verdict.INCONCLUSIVE, byId.get("consistent-under-errors"));
    }

    /** A peers.json with one pass: each transport's p50 floor at one caller for tiny and small (µs, three rounds each). */
    static String peers(double natsFloor, double httpFloor) {
        StringBuilder results = new StringBuilder();
        for (String transport : List.of("nats", "http")) {
            double p50 = "nats".equals(transport) ? natsFloor : httpFloor;
            for (String shape : List.of("tiny", "small")) {
                if (results.length() > 0) {
                    results.append(',');
                }
                results.append(String.format(java.util.Locale.ROOT, "{\"transport\":\"%s\",\"tool\":\"%s\",\"version\":\"1\",\"command\":\"x\","
                        + "\"shape\":\"%s\",\"callers\":1,\"role\":\"floor\",\"rounds\":[{\"p50Us\":%s,\"p99Us\":900,\"requestsPerSecond\":4000},"
                        + "{\"p50Us\":%s,\"p99Us\":900,\"requestsPerSecond\":4000},{\"p50Us\":%s,\"p99Us\":900,\"requestsPerSecond\":4000}]}",
                        transport, "nats".equals(transport) ? "jnats loop" : "wrk", shape, p50 * 0.95, p50, p50 * 1.05));
            }
        }
        return "{\"format\":\"wirebench-peers-1\",\"passes\":[{\"finished\":\"2026-12-01T00:00:00Z\",\"results\":[" + results + "]}]}";
    }

    @Test
    void aComparisonOfTransportsIsAVerdictOnlyWhereTheHarnessIsWithinItsTargetForBoth() throws IOException {
        Claims claims = Claims.read(Path.of("../config/claims.yaml"));
        // floors close to the suite's p50s (nats 319 us, http 77-78 us): within 1.3x
        Files.writeString(dir.resolve("peers.json"), peers(290, 70));
        RunFolder within = RunFolder.read(dir);
        HarnessEfficiency efficiency = HarnessEfficiency.of(within);
        assertEquals(4, efficiency.rows().size(), efficiency.table().markdown());
        assertTrue(efficiency.rows().stream().noneMatch(HarnessEfficiency.Row::outside), efficiency.table().markdown());
        assertEquals(Claims.Verdict.REFUTED, verdict(claims.check(within), "faster-than-http-order-pipeline"));
        // HTTP's floor at 20 us: the suite's 77 us is 3.8x it, so the comparison measures the harness
        Files.writeString(dir.resolve("peers.json"), peers(290, 20));
        RunFolder outside = RunFolder.read(dir);
        Claims.Answer answer = claims.check(outside).stream().filter(a -> a.claim().id().equals("faster-than-http-order-pipeline")).findFirst().orElseThrow();
        assertEquals(Claims.Verdict.INCONCLUSIVE, answer.verdict());
        String why = answer.evidence().stream().filter(e -> e.startsWith("bounded by the floors, since")).findFirst().orElseThrow();
        assertTrue(why.contains("outside its target for http (p50 at 1 caller (µs), shape=tiny: 3.8"), answer.evidence().toString());
        assertFalse(why.contains("for nats"), "NATS is within its target: " + answer.evidence());
        assertTrue(answer.evidence().get(0).startsWith("INCONCLUSIVE within the bounds the floors allow"), answer.evidence().toString());
        // a claim within one transport is not the harness against another: unchanged
        assertEquals(Claims.Verdict.SUPPORTED, verdict(claims.check(outside), "sub-ms-rpc"));
        String md = MarkdownReport.render(ReportModel.of(outside, List.of()));
        assertTrue(md.contains("## Harness efficiency") && md.contains("| http | tiny | p50 at 1 caller (µs) | 77.0 [68.3, 85.7] |") && md.contains("✗ outside target"), md);
    }

    @Test
    void aDamagedPeersFileIsNamedAndTheRestIsRead() throws IOException {
        Files.writeString(dir.resolve("peers.json"), peers(230, 220).replaceFirst("\"p50Us\":[0-9.]+", "\"p50Us\":\"NaN\""));
        RunFolder run = RunFolder.read(dir);
        assertTrue(run.problems().entrySet().stream().anyMatch(e -> e.getKey().endsWith("peers.json")
                && e.getValue().contains("nats jnats loop tiny 1: a round's p50Us is \"NaN\", not a positive number")), run.problems().toString());
        assertTrue(run.peers().isEmpty());
        assertFalse(run.jmhByFile().isEmpty());
    }

    @Test
    void aKneeSearchThatHitItsStepLimitRefutesNothingAboveIt() throws IOException {
        Claims claims = Claims.read(Path.of("../config/claims.yaml"));
        String knee = "{\"format\": \"wirebench-knee-1\", \"context\": {\"scenario\": \"analytics\", \"transport\": \"nats\"},"
                + " \"kneeRatePerSecond\": 5000.0, \"capped\": %s, \"steps\": []}";
        Path folder = Files.createDirectories(dir.resolve("knee"));
        Files.writeString(folder.resolve("knee.json"), String.format(knee, "true"));
        Claims.Answer capped = claims.check(RunFolder.read(folder)).stream().filter(a -> a.claim().id().equals("ten-thousand-rps")).findFirst().orElseThrow();
        assertEquals(Claims.Verdict.INCONCLUSIVE, capped.verdict(), capped.evidence().toString());
        assertTrue(capped.evidence().get(0).contains("not found below 5,000/s") && capped.evidence().get(0).contains("10,000/s was never tried"),
                capped.evidence().toString());
        Files.writeString(folder.resolve("knee.json"), String.format(knee, "false"));
        assertEquals(Claims.Verdict.REFUTED, verdict(claims.check(RunFolder.read(folder)), "ten-thousand-rps"), "a knee found at 5,000/s refutes 10,000/s");
    }

    @Test
    void theSameResultsInTwoFilesAreNamedAndNotJudged() throws IOException {
        Files.copy(dir.resolve("bench-transport.json"), dir.resolve("bench-transport-again.json"));
        RunFolder run = RunFolder.read(dir);
        assertTrue(run.problems().entrySet().stream().anyMatch(e -> e.getKey().endsWith("bench-transport.json") && e.getValue().contains("bench-transport-again.json does")
                || e.getKey().endsWith("bench-transport-again.json") && e.getValue().contains("bench-transport.json does")), run.problems().toString());
        Claims.Answer subMs = Claims.read(Path.of("../config/claims.yaml")).check(run).stream().filter(a -> a.claim().id().equals("sub-ms-rpc"))
                .findFirst().orElseThrow();
        assertEquals(Claims.Verdict.INCONCLUSIVE, subMs.verdict(), subMs.evidence().toString());
        assertTrue(subMs.evidence().get(0).contains("the same benchmark twice"), subMs.evidence().toString());
    }

    private static Claims.Verdict verdict(List<Claims.Answer> answers, String id) {
        return answers.stream().filter(a -> a.claim().id().equals(id)).findFirst().orElseThrow().verdict();
    }

    @Test
    void aPercentileClaimIsJudgedOnItsSpreadNotOnlyItsPoint() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("percentiles"));
        Files.writeString(folder.resolve("bench.json"), JmhJsonTest.PERCENTILES);
        RunFolder run = RunFolder.read(folder);
        Claim median = new Claim("median", "median under 250", "below", "LatencyBenchmark.roundTrip", "p0.50",
                Map.of("transport", "nats"), 250.0, null, null, null, null, null, null, null, null);
        // the median is 200, under the limit, but from 2 forks (medians 100 and 300): no interval, no verdict
        Claims.Answer answer = new Claims(List.of(median)).check(run).get(0);
        assertEquals(Claims.Verdict.INCONCLUSIVE, answer.verdict(), answer.evidence().toString());
        assertTrue(answer.evidence().get(0).contains("p0.50: no figure (2 forks, under 3, no interval)"), answer.evidence().toString());
        Claim lower = new Claim("median", "median under 350", "below", "LatencyBenchmark.roundTrip", "p0.50",
                Map.of("transport", "nats"), 350.0, null, null, null, null, null, null, null, null);
        assertEquals(Claims.Verdict.INCONCLUSIVE, new Claims(List.of(lower)).check(run).get(0).verdict(), "not even far under the limit");
    }

    @Test
    void theCommandWritesMarkdownCsvAndSelfContainedHtml() throws IOException {
        assertEquals(0, new CommandLine(new ReportCommand()).execute(dir.toString(), "--claims", "../config/claims.yaml"));
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.length() < MarkdownReport.LIMIT, "fits a PR comment: " + md.length());
        assertTrue(md.contains("## Claims") && md.contains("**SUPPORTED**"), md);
        assertTrue(md.contains("## Evidence: forks, steady state, what a gate can see") && md.contains("⏳ slowing down"), md);
        assertTrue(md.contains("`bench-validation.json`"), "the unreadable file is named");
        assertTrue(md.contains("| ecommerce | nats | 200 |"), md);
        assertTrue(md.contains("RoundTripBenchmark.roundTrip (sample, us/op)") && md.contains("nats / http"), md);
        String csv = Files.readString(dir.resolve("report.csv"));
        assertTrue(csv.startsWith("source,benchmark,mode,threads,params,metric,score,low,high,forks,steady_state,unit,samples\n"));
        assertTrue(csv.lines().anyMatch(l -> l.contains("RoundTripBenchmark.roundTrip") && l.contains(",p0.99,")), "percentiles in the CSV");
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("load/load-ecommerce-nats.json,load.ecommerce,open-loop,16,")), csv);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<svg") && html.contains("</html>"));
        assertFalse(Pattern.compile("(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "nothing to fetch");
        String withoutNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertFalse(withoutNamespace.contains("http://") || withoutNamespace.contains("https://"), "no address other than the SVG namespace");
    }

    @Test
    void aWrongFolderOrClaimsFileIsAClearError() throws IOException {
        CommandLine cli = new CommandLine(new ReportCommand());
        StringBuilder error = new StringBuilder();
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            error.append(e.getMessage());
            return 2;
        });
        assertEquals(2, cli.execute(dir.resolve("nope").toString()));
        assertTrue(error.toString().contains("nope: not a results folder"), error.toString());
        Path claims = Files.writeString(dir.resolve("claims.yaml"), "claims:\n  - id: x\n    text: y\n    kind: faster\n");
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> Claims.read(claims));
        assertEquals("claims[0].kind", e.key());
        Path missing = Files.writeString(dir.resolve("claims2.yaml"), "claims:\n  - id: x\n    text: y\n    kind: ratio\n    benchmark: B\n    metric: primary\n");
        assertEquals("claims[0].numerator", assertThrows(ConfigFileException.class, () -> Claims.read(missing)).key());
    }

    @Test
    void littlesLawMarksALoadRunWhoseFiguresCannotBothBeTrue() {
        LoadRun sane = new LoadRun(dir, "ecommerce", "nats", 200, 200, 16, 2_000, 8_000, 13_000, 8_000, 2_100, 6_000, 0, 0, 0.01, "passed", "");
        assertFalse(sane.breaksLittlesLaw(), "200/s x 2.1 ms = 0.42 in flight of 16");
        LoadRun impossible = new LoadRun(dir, "ecommerce", "nats", 20_000, 20_000, 16, 2_000, 8_000, 13_000, 8_000, 2_100, 6_000, 0, 0, 0.01, "passed", "");
        assertTrue(impossible.breaksLittlesLaw(), "20,000/s x 2.1 ms = 42 in flight, but only 16 allowed");
    }

    /** A real run of scripts/bench claims: HTTP at 10,000 one-event requests/s, 3 s behind after its start, caught up later. */
    @Test
    void anOverloadedRunIsLateButNotImpossibleAndNotSustained() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("overloaded/load"));
        Files.copy(Path.of(getClass().getResource("/load-analytics-http-overloaded.json").toURI()), folder.resolve("load-analytics-http.json"));
        RunFolder run = RunFolder.read(folder.getParent());
        LoadRun http = run.loads().get(0);
        assertEquals("passed", http.status(), "no request failed");
        assertTrue(http.p99() > 1_000_000, "the corrected p99 holds the backlog: " + http.p99());
        assertFalse(http.breaksLittlesLaw(), "requests waiting for a free user are late, not in flight");
        Claim tenThousand = new Claim("rps", "10,000/s", "load-rate", null, null, null, null, null, null, null, 10_000.0, null, null, "http", 100.0);
        Claims.Answer answer = new Claims(List.of(tenThousand)).check(run).get(0);
        assertEquals(Claims.Verdict.REFUTED, answer.verdict(), answer.evidence().toString());
        assertTrue(answer.evidence().get(0).contains("over the claim's 100 ms"), answer.evidence().toString());
        Claim anyLatency = new Claim("rps", "10,000/s", "load-rate", null, null, null, null, null, null, null, 10_000.0, null, null, "http", null);
        assertEquals(Claims.Verdict.SUPPORTED, new Claims(List.of(anyLatency)).check(run).get(0).verdict(), "without a latency limit the rate was reached");
    }
}
