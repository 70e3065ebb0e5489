package io.wirebench.report;

import io.wirebench.report.model.JmhResult;
import io.wirebench.report.model.Metric;
import io.wirebench.report.model.RunFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report too long for one page shortens fairly: 390 average-time benchmarks of 12 settings each and two sample-mode
 * ones (as a third-party JMH file had them) all keep a summary row, the sample-mode ones included, and it still fits.
 */
class LongReportTest {

    private static JmhResult result(String benchmark, String mode, String unit, int setting) {
        List<Double> forks = List.of(10.0 + setting, 11.0 + setting, 12.0 + setting);
        List<List<Double>> iterations = forks.stream().map(v -> List.of(v, v, v)).toList();
        return new JmhResult(benchmark, mode, 1, 3, Map.of("size", Integer.toString(setting)), new Metric(11 + setting, 1, unit), Map.of(), -1,
                Map.of("primary", new JmhResult.Forks(forks, iterations)), null);
    }

    @Test
    void everyBenchmarkKeepsASummaryRowAndTheReportFits() {
        List<JmhResult> all = new ArrayList<>();
        for (int b = 0; b < 390; b++) {
            for (int s = 0; s < 12; s++) {
                all.add(result("org.example.Bench" + b + ".run", "avgt", "us/op", s));
            }
        }
        for (String sampled : List.of("org.example.Latency.first", "org.example.Latency.second")) {
            for (int s = 0; s < 12; s++) {
                all.add(result(sampled, "sample", "us/op", s));
            }
        }
        Map<String, List<JmhResult>> files = new LinkedHashMap<>();
        files.put("third-party", all);
        RunFolder run = new RunFolder(Path.of("long"), files, List.of(), List.of(), List.of(), "", Map.of());
        String md = MarkdownReport.render(ReportModel.of(run, List.of()));
        assertTrue(md.length() < MarkdownReport.LIMIT, "fits: " + md.length());
        for (int b = 0; b < 390; b++) {
            assertTrue(md.contains("| Bench" + b + ".run | avgt |"), "a summary row for Bench" + b);
        }
        assertTrue(md.contains("| Latency.first | sample |") && md.contains("| Latency.second | sample |"), "never a benchmark dropped");
    }
}
