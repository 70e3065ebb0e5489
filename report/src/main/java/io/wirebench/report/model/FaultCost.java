package io.wirebench.report.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * What one fault of a load run cost ({@code faults[]} of a {@code wirebench-load-1} file): the fault
 * ({@code action} on {@code target}, lasting from {@code brokeAt} to {@code repairedAt}, seconds from the
 * run's start), the rate before it, the outage (to the first second back at 90% of that rate, or to the
 * end of the run if it never came back), the time to recover after the repair, the failures in that
 * window and the worst per-second corrected p99 in it. {@code errors}: why a step of the fault itself
 * failed (then the other figures do not describe the fault asked for), empty if none.
 */
public record FaultCost(String action, String target, double brokeAt, double repairedAt, double rateBefore,
                        boolean recovered, double outageSeconds, double timeToRecoverSeconds, long failures,
                        double worstP99Micros, String errors) {

    /** How long the fault was in effect, in seconds. */
    public double lastedSeconds() {
        return repairedAt - brokeAt;
    }

    static FaultCost of(Path file, int index, JsonNode f) {
        String where = "faults[" + index + "]";
        for (String field : new String[] {"action", "target", "brokeAtSeconds", "recovered", "outageSeconds", "failuresDuringOutage"}) {
            if (f.path(field).isMissingNode()) {
                throw new ResultFileException(file, where + " without '" + field + "'");
            }
        }
        return new FaultCost(f.path("action").asText(), f.path("target").asText(), f.path("brokeAtSeconds").asDouble(Double.NaN),
                f.path("repairedAtSeconds").asDouble(Double.NaN), f.path("rateBeforePerSecond").asDouble(Double.NaN),
                f.path("recovered").asBoolean(), f.path("outageSeconds").asDouble(Double.NaN),
                f.path("timeToRecoverSeconds").asDouble(Double.NaN), f.path("failuresDuringOutage").asLong(),
                f.path("worstP99MicrosDuringOutage").asDouble(Double.NaN),
                f.path("errors").isNull() || f.path("errors").isMissingNode() ? "" : f.path("errors").asText());
    }
}
