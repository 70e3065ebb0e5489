package io.wirebench.report;

import io.wirebench.report.format.Format;
import io.wirebench.report.model.FaultCost;
import io.wirebench.report.model.Figure;
import io.wirebench.report.model.JmhResult;
import io.wirebench.report.model.LoadRun;
import io.wirebench.report.model.Metric;
import io.wirebench.report.model.RunFolder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's {@code report.csv}: every figure, one a line, for spreadsheets and scripts. A JMH figure carries its
 * fork-level interval ({@code low}, {@code high}; empty under 3 forks), its fork count and whether its forks
 * were at a steady state; a load run's figures and each fault's costs follow, under {@code load.<scenario>}.
 */
final class CsvReport {
    static final String HEADER = "source,benchmark,mode,threads,params,metric,score,low,high,forks,steady_state,unit,samples\n";

    private CsvReport() {
    }

    static String render(RunFolder run) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (Map.Entry<String, List<JmhResult>> file : run.jmhByFile().entrySet()) {
            for (JmhResult r : file.getValue()) {
                String params = new TreeMap<>(r.params()).toString();
                line(csv, file.getKey(), r, params, "primary", r.primary());
                for (Map.Entry<String, Metric> m : new TreeMap<>(r.secondary()).entrySet()) {
                    line(csv, file.getKey(), r, params, m.getKey(), m.getValue());
                }
            }
        }
        for (LoadRun l : run.loads()) {
            String source = run.dir().relativize(l.file()).toString();
            String params = "{scenario=" + l.scenario() + ", transport=" + l.transport() + ", rate=" + Format.num(l.targetRate()) + "}";
            String[][] figures = {{"achieved", String.valueOf(l.achievedRate()), "ops/s"}, {"p50", String.valueOf(l.p50()), "us"},
                {"p99", String.valueOf(l.p99()), "us"}, {"p99.9", String.valueOf(l.p999()), "us"},
                {"uncorrected.p99", String.valueOf(l.uncorrectedP99()), "us"}, {"failed", String.valueOf(l.failed()), "#"},
                {"errorRate", String.valueOf(l.errorRate()), "ratio"}};
            for (String[] f : figures) {
                loadLine(csv, source, l, params, f[0], f[1], f[2]);
            }
            for (int i = 0; i < l.faults().size(); i++) {
                FaultCost fault = l.faults().get(i);
                String prefix = "fault" + i + "." + fault.action() + "." + fault.target() + ".";
                String[][] costs = {{"lasted", String.valueOf(fault.lastedSeconds()), "s"}, {"rateBefore", String.valueOf(fault.rateBefore()), "ops/s"},
                    {"outage", String.valueOf(fault.outageSeconds()), "s"}, {"recoveredAfterRepair", String.valueOf(fault.timeToRecoverSeconds()), "s"},
                    {"failedInOutage", String.valueOf(fault.failures()), "#"}, {"worstP99InOutage", String.valueOf(fault.worstP99Micros()), "us"}};
                for (String[] f : costs) {
                    loadLine(csv, source, l, params, prefix + f[0], f[1], f[2]);
                }
            }
        }
        return csv.toString();
    }

    private static void loadLine(StringBuilder csv, String source, LoadRun l, String params, String metric, String score, String unit) {
        csv.append(Format.csv(source)).append(",load.").append(l.scenario()).append(",open-loop,").append(l.users()).append(',')
                .append(Format.csv(params)).append(',').append(metric).append(',').append(score).append(",,,,,").append(unit).append(",\n");
    }

    private static void line(StringBuilder csv, String source, JmhResult r, String params, String metric, Metric m) {
        Figure f = Figure.of(r, metric);
        csv.append(Format.csv(source)).append(',').append(Format.csv(r.benchmark())).append(',').append(r.mode()).append(',').append(r.threads())
                .append(',').append(Format.csv(params)).append(',').append(Format.csv(metric)).append(',').append(f.score()).append(',')
                .append(f.hasInterval() ? String.valueOf(f.low()) : "").append(',').append(f.hasInterval() ? String.valueOf(f.high()) : "")
                .append(',').append(f.forks()).append(',').append(f.steady().name().toLowerCase(Locale.ROOT)).append(',')
                .append(Format.csv(m.unit())).append(',')
                .append(r.samples() >= 0 && "primary".equals(metric) ? String.valueOf(r.samples()) : "").append('\n');
    }
}
