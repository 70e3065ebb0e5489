package io.wirebench.e2e.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a fault cost, from the run's per-second samples: the rate before it (mean successes per second of
 * the steady seconds before the fault), the outage (from the fault to the first second back at 90% of
 * that rate), the time to recover after the repair, the failures in that window and the worst per-second
 * p99 in it. If the rate never came back, the outage lasts to the end of the run and says so.
 */
public final class FaultRecovery {
    static final double RECOVERED = 0.9;

    private FaultRecovery() {
    }

    /**
     * Adds the cost of each of a run's {@code faults} ({@link #of}) to its result's {@code json} as {@code faults}, and
     * prints it; nothing for a run without faults.
     */
    public static void addTo(ObjectNode json, List<Fault> faults, List<FaultSchedule.Event> events,
                             List<IntervalSample> intervals, double rampSeconds) {
        if (faults.isEmpty()) {
            return;
        }
        List<Map<String, Object>> recovery = of(events, intervals, rampSeconds);
        json.set("faults", new ObjectMapper().valueToTree(recovery));
        recovery.forEach(r -> System.out.println("fault: " + r));
    }

    /** The part of a result file's name that says which faults it ran ("-kill-nats-slow-payment"), so runs with different faults sit apart. */
    public static String fileSuffix(List<Fault> faults) {
        return faults.stream().map(f -> "-" + f.action() + "-" + f.target()).distinct().collect(Collectors.joining());
    }

    public static List<Map<String, Object>> of(List<FaultSchedule.Event> events, List<IntervalSample> intervals, double rampSeconds) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            FaultSchedule.Event broke = events.get(i);
            if (!broke.step().equals("kill") && !broke.step().equals("pause") && !broke.step().equals("slow")) {
                continue;
            }
            FaultSchedule.Event repaired = null;
            for (int j = i + 1; j < events.size(); j++) {
                if (events.get(j).fault() == broke.fault()) {
                    repaired = events.get(j);
                    break;
                }
            }
            double t0 = broke.atSeconds();
            double t1 = repaired == null ? Double.NaN : repaired.atSeconds();
            double before = 0;
            int counted = 0;
            for (IntervalSample s : intervals) {
                // the samples of whole steady seconds before the fault (a sample covers the second before its time)
                if (s.elapsedSeconds() > rampSeconds + 0.5 && s.elapsedSeconds() <= t0 + 0.1) {
                    before += s.succeeded();
                    counted++;
                }
            }
            double preRate = counted == 0 ? Double.NaN : before / counted;
            double recoveredAt = Double.NaN;
            long failures = 0;
            double worstP99 = 0;
            for (IntervalSample s : intervals) {
                if (s.elapsedSeconds() <= t0 + 0.1) {
                    continue;
                }
                failures += s.failed();
                if (Double.isFinite(s.p99Micros())) {
                    worstP99 = Math.max(worstP99, s.p99Micros());
                }
                boolean afterRepair = Double.isFinite(t1) && s.elapsedSeconds() >= t1;
                if (afterRepair && Double.isFinite(preRate) && s.succeeded() >= RECOVERED * preRate) {
                    recoveredAt = s.elapsedSeconds();
                    break;
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("action", broke.fault().action());
            m.put("target", broke.fault().target());
            m.put("brokeAtSeconds", t0);
            m.put("repairedAtSeconds", t1);
            m.put("errors", broke.error() == null && (repaired == null || repaired.error() == null) ? null
                    : (broke.error() + " / " + (repaired == null ? "not repaired" : repaired.error())));
            m.put("rateBeforePerSecond", preRate);
            m.put("recovered", Double.isFinite(recoveredAt));
            m.put("outageSeconds", Double.isFinite(recoveredAt) ? recoveredAt - t0 : Double.NaN);
            m.put("timeToRecoverSeconds", Double.isFinite(recoveredAt) && Double.isFinite(t1) ? recoveredAt - t1 : Double.NaN);
            m.put("failuresDuringOutage", failures);
            m.put("worstP99MicrosDuringOutage", worstP99);
            out.add(m);
        }
        return out;
    }
}
