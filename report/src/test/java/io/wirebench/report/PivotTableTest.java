package io.wirebench.report;

import io.wirebench.report.model.JmhJson;
import io.wirebench.report.model.JmhResult;
import io.wirebench.report.model.Metric;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PivotTableTest {

    /** Three forks of {@code score} - 1, score, score + 1 (a 95% t interval of ± 2.5); JMH's own error (0.5) is not shown. */
    private static JmhResult result(String codec, String shape, double score, String unit) {
        List<Double> forks = List.of(score - 1, score, score + 1);
        return new JmhResult("io.wirebench.serialization.CodecBenchmark.decode", "avgt", 1, 3,
                Map.of("codec", codec, "shape", shape), new Metric(score, 0.5, unit),
                Map.of("wireBytes", new Metric(score * 100, Double.NaN, "#")), -1,
                Map.of("primary", new JmhResult.Forks(forks, forks.stream().map(List::of).toList())), null);
    }

    private static PivotTable table(String metric, boolean rank) {
        PivotTable table = new PivotTable();
        table.benchmark = "CodecBenchmark.decode";
        table.rows = "shape";
        table.cols = "codec";
        table.metric = metric;
        table.rank = rank;
        table.digits = 1;
        return table;
    }

    @Test
    void rowsCanBeSeveralMetricsOfOneBenchmark() {
        List<JmhResult> results = List.of(result("json", "tiny", 3, "us/op"), result("kryo", "tiny", 1, "us/op"));
        PivotTable table = table("primary,wireBytes", false);
        table.rows = "metric";
        assertEquals("| metric \\ codec (#) | json | kryo |\n"
                + "|---|---:|---:|\n"
                + "| primary | 3.0 ± 2.5 | 1.0 ± 2.5 |\n"
                + "| wireBytes | 300.0 | 100.0 |\n", table.render(results));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table("primary,wireBytes", false).render(results));
        assertTrue(e.getMessage().contains("--rows metric"), e.getMessage());
    }

    @Test
    void pivotsRowsAndColumnsInRunOrderAndRanksByUnit() {
        List<JmhResult> results = List.of(result("json", "tiny", 3, "us/op"), result("kryo", "tiny", 1, "us/op"),
                result("json", "huge", 300, "us/op"), result("kryo", "huge", 400, "us/op"));
        String md = table("primary", true).render(results);
        assertEquals("| shape \\ codec (us/op) | json | kryo | best first |\n"
                + "|---|---:|---:|---|\n"
                + "| tiny | 3.0 ± 2.5 | 1.0 ± 2.5 | kryo, json |\n"
                + "| huge | 300.0 ± 2.5 | 400.0 ± 2.5 | json, kryo |\n", md);
        String thrpt = table("primary", true).render(List.of(result("json", "tiny", 3, "ops/s"), result("kryo", "tiny", 1, "ops/s")));
        assertTrue(thrpt.contains("| json, kryo |"), "higher is better for ops/s: " + thrpt);
    }

    @Test
    void theBenchmarkNameMatchesWholeClassNamesOnly() throws Exception {
        List<JmhResult> real = JmhJson.read(java.nio.file.Path.of(getClass().getResource("/real-codec-decode.json").toURI()));
        String md = table("primary", false).render(real);
        assertEquals(3, md.split("\n").length, "ContendedCodecBenchmark.decode is not CodecBenchmark.decode: " + md);
    }

    @Test
    void overDividesByAnotherBenchmarkInTheSameRow() {
        JmhResult decode = new JmhResult("io.wirebench.serialization.CodecBenchmark.decode", "avgt", 1, 1,
                Map.of("codec", "json", "shape", "tiny"), new Metric(4, 0.1, "us/op"), Map.of());
        JmhResult validate = new JmhResult("io.wirebench.validation.ValidationBenchmark.validate", "avgt", 1, 1,
                Map.of("validator", "hibernate", "shape", "tiny"), new Metric(6, 0.1, "us/op"), Map.of());
        PivotTable table = table("primary", false);
        table.benchmark = "ValidationBenchmark.validate";
        table.cols = "validator";
        table.over = "CodecBenchmark.decode";
        table.overWhere = List.of("codec=json");
        String md = table.render(List.of(decode, validate));
        assertTrue(md.contains("(% of CodecBenchmark.decode codec=json)"), md);
        assertTrue(md.contains("| tiny | 150.0 |"), md);
    }

    @Test
    void aClassNameSelectsAllItsMethodsForColsMethod() {
        PivotTable table = table("primary", false);
        table.benchmark = "CodecBenchmark";
        table.cols = "method";
        JmhResult encode = new JmhResult("io.wirebench.serialization.CodecBenchmark.encode", "avgt", 1, 1,
                Map.of("codec", "json", "shape", "tiny"), new Metric(2, 0.1, "us/op"), Map.of());
        String md = table.render(List.of(result("json", "tiny", 3, "us/op"), encode));
        assertTrue(md.contains("| shape \\ method (us/op) | decode | encode |"), md);
        assertTrue(md.contains("| tiny | 3.0 ± 2.5 | 2.0 |"), "encode has no forks behind it: no interval, whatever JMH's error: " + md);
    }

    @Test
    void aUnitWithoutDirectionCannotBeRanked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table("wireBytes", true).render(List.of(result("json", "tiny", 3, "us/op"))));
        assertTrue(e.getMessage().contains("unit '#'"), e.getMessage());
    }

    @Test
    void secondaryMetricsWithoutErrorShowTheScoreAlone() {
        String md = table("wireBytes", false).render(List.of(result("json", "tiny", 3, "us/op")));
        assertTrue(md.contains("| tiny | 300.0 |"), md);
    }

    @Test
    void ambiguityAndMissingMetricsAreExplained() {
        List<JmhResult> twice = List.of(result("json", "tiny", 3, "us/op"), result("json", "tiny", 4, "us/op"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> table("primary", false).render(twice))
                .getMessage().contains("add --where"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> table("gc.alloc.rate.norm", false)
                .render(List.of(result("json", "tiny", 3, "us/op")))).getMessage().contains("it has: primary, wireBytes"));
    }
}
