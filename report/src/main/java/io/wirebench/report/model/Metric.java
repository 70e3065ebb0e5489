package io.wirebench.report.model;

/**
 * One figure of a JMH result: score, its error (NaN when JMH could not compute one, e.g. with two
 * samples or fewer) and unit. Scores may be NaN or infinite: JMH writes those as strings.
 */
public record Metric(double score, double error, String unit) {

    /** Which way is better, decided by the unit alone: per op (time, bytes) lower, ops per time higher. */
    public enum Direction {
        LOWER_IS_BETTER,
        HIGHER_IS_BETTER,
        /** The unit does not say (a count such as {@code #}, a ratio): nothing may be ranked by it. */
        UNKNOWN
    }

    public Direction direction() {
        if (unit.endsWith("/op")) {
            return Direction.LOWER_IS_BETTER;
        }
        if (unit.startsWith("ops/")) {
            return Direction.HIGHER_IS_BETTER;
        }
        return Direction.UNKNOWN;
    }
}
