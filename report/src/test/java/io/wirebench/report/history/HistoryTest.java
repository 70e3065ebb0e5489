package io.wirebench.report.history;

import io.wirebench.report.format.Format;
import io.wirebench.report.gate.RegressionGate;
import io.wirebench.report.model.RunFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/history as scripts/nightly uses it: each run judged against a baseline and appended to a history
 * file, the page drawn from the whole file: runs in date order, one series per environment and no line between
 * two, the gate's band, the regression it flagged ringed, a CSV row per run and figure; a run appended twice
 * counts once; a damaged line is named by file and line.
 */
class HistoryTest {
    static final String MACHINE_A = "cpu: AMD EPYC x 2\nmemory: 24Gi\njava: openjdk version \"17.0.15\"\nnats-server: v2.9.10\nprofile: nightly (config/benchmark-config.yaml)\n";
    static final String MACHINE_B = MACHINE_A.replace("AMD EPYC", "Intel Xeon");

    @TempDir
    Path dir;

    /** A run of one codec decode (3 forks around {@code decodeUs}, allocation 1000 B/op) made at {@code date} on {@code env}. */
    private Path run(String name, String date, double decodeUs, String env) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        StringBuilder raw = new StringBuilder();
        double[] noise = {-0.01, 0.004, 0.012, -0.006, 0.0, 0.009, -0.011, 0.003, 0.007};
        for (int f = 0; f < 3; f++) {
            raw.append(f == 0 ? "[" : ",[");
            for (int i = 0; i < 3; i++) {
                raw.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", decodeUs * (1 + noise[f * 3 + i])));
            }
            raw.append(']');
        }
        Files.writeString(folder.resolve("bench-serialization.json"), String.format(Locale.ROOT, """
                [{"benchmark": "io.wirebench.serialization.CodecBenchmark.decode", "mode": "avgt", "threads": 1, "forks": 3,
                  "params": {"codec": "json", "shape": "small"},
                  "primaryMetric": {"score": %.4f, "scoreError": 0.5, "scoreUnit": "us/op", "rawData": [%s]},
                  "secondaryMetrics": {"gc.alloc.rate.norm": {"score": 1000.0, "scoreError": 0.0, "scoreUnit": "B/op",
                     "rawData": [[1000.0, 1000.0, 1000.0], [1000.0, 1000.0, 1000.0], [1000.0, 1000.0, 1000.0]]}}}]""", decodeUs, raw));
        Files.writeString(folder.resolve("environment.txt"), "date: " + date + "\n" + env);
        return folder;
    }

    private static int history(String... args) {
        return HistoryCommand.commandLine().execute(args);
    }

    @Test
    void nightlyAppendsDrawOneSeriesPerEnvironmentWithTheGatesBandAndItsRegressionMarked() throws IOException {
        Path base = run("baseline", "2026-11-30T02:17:00Z", 100, MACHINE_A);
        Path file = dir.resolve("history").resolve("nightly.jsonl");
        // appended out of date order, as a history assembled from several places can be
        Path later = run("20261202T021700Z-nightly-bbbbbbb", "2026-12-02T02:17:00Z", 140, MACHINE_A);
        Path first = run("20261201T021700Z-nightly-aaaaaaa", "2026-12-01T02:17:00Z", 101, MACHINE_A);
        Path elsewhere = run("20261203T021700Z-nightly-ccccccc", "2026-12-03T02:17:00Z", 80, MACHINE_B);
        for (Path r : List.of(later, first, elsewhere)) {
            assertEquals(0, history("--baseline", base.toString(), "--append", file.toString(), "--config", "../config/regression.yaml", r.toString()));
        }

        List<HistoryEntry> entries = HistoryFile.read(file);
        assertEquals(3, entries.size());
        HistoryEntry slowed = entries.stream().filter(e -> e.run().endsWith("bbbbbbb")).findFirst().orElseThrow();
        assertEquals(1, slowed.gate().exit(), "the gate's verdict on the slowed run");
        HistoryEntry.Point decode = slowed.figures().stream().filter(p -> p.measure().equals("time")).findFirst().orElseThrow();
        assertEquals("regression", decode.gate().change());
        assertEquals(100, decode.gate().baseline(), 0.5);
        assertEquals(0.10, decode.gate().threshold(), 1e-9, "the codecs' default threshold, config/regression.yaml");
        assertTrue(decode.hasInterval() && decode.low() < 140 && 140 < decode.high(), "the fork-level interval: " + decode);
        HistoryEntry other = entries.stream().filter(e -> e.run().endsWith("ccccccc")).findFirst().orElseThrow();
        assertEquals(2, other.gate().exit(), "another CPU is not comparable");
        assertTrue(other.figures().stream().allMatch(p -> p.gate() == null), "and none of its figures is judged");
        assertFalse(other.environmentDigest().equals(slowed.environmentDigest()), "another machine is another series");
        assertEquals(entries.get(0).environmentDigest(), slowed.environmentDigest());

        String html = Files.readString(dir.resolve("history").resolve("history.html"));
        String chart = chart(html, "CodecBenchmark.decode codec=json shape=small t=1 · time (us/op)");
        assertEquals(3, count(chart, "class=\"point\""), "a point per run");
        assertEquals(3, count(chart, "class=\"interval\""), "each with its fork-level interval");
        assertEquals(1, count(chart, "class=\"series\""), "machine A's two runs joined, machine B's one run joined to nothing");
        assertEquals(2, count(chart, "class=\"band\""), "the gate's band at the two runs it could compare");
        assertEquals(1, count(chart, "class=\"regression\""), "the flagged regression ringed");
        assertTrue(html.indexOf("Flagged by the gate") < html.indexOf(chart), "a flagged chart comes first");
        String runs = html.substring(html.indexOf("<h2>Runs</h2>"));
        assertTrue(runs.indexOf("aaaaaaa") < runs.indexOf("bbbbbbb") && runs.indexOf("bbbbbbb") < runs.indexOf("ccccccc"), "runs in date order");
        String alloc = chart(html, "CodecBenchmark.decode codec=json shape=small t=1 · allocation (B/op)");
        assertEquals(0, count(alloc, "class=\"regression\""), "the allocation did not change");

        Path newest = dir.resolve("newest");
        assertEquals(0, history("--last", "2", "--out", newest.toString(), file.toString()));
        String two = Files.readString(newest.resolve("history.html"));
        assertEquals(2, count(chart(two, "CodecBenchmark.decode codec=json shape=small t=1 · time (us/op)"), "class=\"point\""), "--last 2: the two newest runs");
        assertFalse(two.contains("aaaaaaa"), "the oldest run left out");

        List<String> csv = Files.readAllLines(dir.resolve("history").resolve("history.csv"));
        assertEquals(1 + 3 * 2, csv.size(), "a header and a row per run and figure: " + csv);
        assertTrue(csv.get(0).startsWith("run,date,commit"), csv.get(0));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("20261202T021700Z-nightly-bbbbbbb,") && l.contains(",time,us/op,lower,") && l.endsWith(",regression")),
                String.join("\n", csv));
    }

    @Test
    void aRunAppendedTwiceCountsOnceAndReadsBackAsWritten() throws IOException {
        Path base = run("baseline", "2026-11-30T02:17:00Z", 100, MACHINE_A);
        Path r = run("20261201T021700Z-nightly-aaaaaaa", "2026-12-01T02:17:00Z", 101, MACHINE_A);
        Path file = dir.resolve("nightly.jsonl");
        for (int i = 0; i < 2; i++) {
            assertEquals(0, history("--baseline", base.toString(), "--append", file.toString(), "--config", "../config/regression.yaml", r.toString()));
        }
        assertEquals(1, Files.readAllLines(file).size());
        HistoryEntry read = HistoryFile.read(file).get(0);
        RegressionGate gate = new RegressionGate(RegressionGate.Settings.read(Path.of("../config/regression.yaml")));
        HistoryEntry made = HistoryEntry.of(RunFolder.read(r), gate.compare(RunFolder.read(base), RunFolder.read(r)), base.toString(), null, null);
        assertEquals(made, read, "what was appended reads back equal");
        assertEquals("no regression", read.gate().verdict());
        assertEquals("nightly", read.environment().get("profile"));
        assertEquals("colocated", read.environment().get("placement"), "a run without a placement line ran colocated");
    }

    @Test
    void aRunFolderWithoutABaselineIsDrawnUnjudgedAndAFolderOfRunsIsEachOfThem() throws IOException {
        run("20261201T021700Z-nightly-aaaaaaa", "2026-12-01T02:17:00Z", 101, MACHINE_A);
        run("20261202T021700Z-nightly-bbbbbbb", "2026-12-02T02:17:00Z", 103, MACHINE_A);
        Path out = dir.resolve("page");
        assertEquals(0, history("--out", out.toString(), dir.toString()));
        String html = Files.readString(out.resolve("history.html"));
        assertEquals(2, count(html, "not judged"));
        assertEquals(0, count(html, "class=\"band\""), "no gate, no band");
        assertNull(HistoryEntry.of(RunFolder.read(dir.resolve("20261201T021700Z-nightly-aaaaaaa")), null, null, null, null).gate());
    }

    @Test
    void aDamagedLineOrAnInputThatIsNoRunIsNamed() throws IOException {
        Path r = run("20261201T021700Z-nightly-aaaaaaa", "2026-12-01T02:17:00Z", 101, MACHINE_A);
        Path file = dir.resolve("nightly.jsonl");
        assertEquals(0, history("--append", file.toString(), "--out", dir.resolve("page").toString(), r.toString()));
        String good = Files.readString(file);
        Files.writeString(file, good + "{\"run\": \"x\", \"date\": \n");
        assertTrue(error(file.toString()).contains(file + " line 2: not a history entry"), error(file.toString()));
        Files.writeString(file, good + good.replaceFirst("\"environment_digest\":\"[0-9a-f]+\"", "\"environment_digest\":\"000000000000\""));
        assertTrue(error(file.toString()).contains(file + " line 2: environment_digest 000000000000 does not match"), error(file.toString()));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertTrue(error(empty.toString()).contains(empty + ": neither a run folder"), error(empty.toString()));
        assertEquals("2026-12-02T04:31:49Z", HistoryEntry.runDate(null, "20261202T043149Z-nightly-1a3457d"));
    }

    private String error(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = HistoryCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        List<String> all = new java.util.ArrayList<>(List.of("--out", dir.resolve("page").toString()));
        all.addAll(List.of(args));
        assertEquals(2, cli.execute(all.toArray(String[]::new)));
        return err.toString();
    }

    /** The SVG of the chart with this title. */
    static String chart(String html, String title) {
        Matcher m = Pattern.compile("<svg[^>]*class=\"history\"[^>]*><title>" + Pattern.quote(Format.html(title)) + "</title>.*?</svg>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(m.find(), "no chart titled " + title);
        return m.group();
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
