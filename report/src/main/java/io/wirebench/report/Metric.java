package io.wirebench.report;

/**
 * One figure of a JMH result: score, its error (NaN when JMH could not compute one, e.g. with two
 * samples or fewer) and unit. Scores may be NaN or infinite: JMH writes those as strings.
 */
public record Metric(double score, double error, String unit) {

    /** Lower is better for time per op and bytes per op; higher for ops per time. Decided by the unit alone. */
    public boolean lowerIsBetter() {
        if (unit.endsWith("/op")) {
            return true;
        }
        if (unit.startsWith("ops/")) {
            return false;
        }
        return true;
    }
}
