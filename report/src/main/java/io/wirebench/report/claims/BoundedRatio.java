package io.wirebench.report.claims;

import io.wirebench.report.format.Format;
import io.wirebench.report.model.Figure;
import io.wirebench.report.model.PeerFloor;
import io.wirebench.report.model.SteadyState;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A ratio between two transports decided with what the run knows of each harness, when the harness is outside its
 * target for one of them. A harness can only add cost to its own transport, so each transport's true figure lies in a
 * range: a latency between its floor (the lowest round of any floor the run measured for that transport, shape and
 * number of callers) and the upper end of the suite's interval; a throughput between the lower end of the suite's
 * interval and the highest round of its floor. A transport without a floor at that point has a range that reaches
 * down to zero (a latency) or up without bound (a throughput). A figure still warming up (⏳) is still an upper
 * bound of a latency and a lower bound of a throughput; one slowing down, or without a steady state, bounds nothing on
 * the suite's side. The claim's ratio is then decided only when it holds, or fails, at every corner of the two ranges:
 * "robust to the harness". Where the corners disagree the point stays INCONCLUSIVE, naming the corner that flips it.
 */
final class BoundedRatio {

    /** Where a transport's true figure lies at one point, and what bounds each end. */
    record Bounds(String transport, double low, String lowBy, double high, String highBy) {

        String text() {
            return String.format(Locale.ROOT, "%s in [%s (%s), %s (%s)]", transport, num(low), lowBy, num(high), highBy);
        }
    }

    /** One point's decision, and the sentence that says why. */
    record Decision(Claims.Verdict verdict, String reasoning) {
    }

    private BoundedRatio() {
    }

    /** A latency's range: the lowest floor round up to the suite's interval's upper end. */
    static Bounds latency(String transport, Figure suite, List<PeerFloor> floors) {
        PeerFloor lowest = null;
        double low = 0;
        for (PeerFloor f : floors) {
            double min = Arrays.stream(f.p50Micros()).min().orElse(Double.NaN);
            if (Double.isFinite(min) && (lowest == null || min < low)) {
                lowest = f;
                low = min;
            }
        }
        boolean bounded = suite.steady() != SteadyState.SLOWDOWN && suite.steady() != SteadyState.NO_STEADY_STATE;
        return new Bounds(transport, low, lowest == null ? "no floor in this run" : lowest.tool() + "'s p50",
                bounded ? suite.high() : Double.POSITIVE_INFINITY, bounded ? "the suite's upper end" : "the suite's figure " + suite.steady().label());
    }

    /** A throughput's range: the suite's interval's lower end up to the highest floor round. */
    static Bounds throughput(String transport, Figure suite, List<PeerFloor> floors) {
        PeerFloor highest = null;
        double high = Double.POSITIVE_INFINITY;
        for (PeerFloor f : floors) {
            double max = Arrays.stream(f.requestsPerSecond()).max().orElse(Double.NaN);
            if (Double.isFinite(max) && (highest == null || max > high)) {
                highest = f;
                high = max;
            }
        }
        boolean bounded = suite.steady() != SteadyState.SLOWDOWN && suite.steady() != SteadyState.NO_STEADY_STATE;
        return new Bounds(transport, bounded ? suite.low() : 0, bounded ? "the suite's lower end" : "the suite's figure " + suite.steady().label(),
                high, highest == null ? "no floor in this run" : highest.tool());
    }

    /**
     * {@code n / d} judged at every corner: at least {@code atLeast} (or at most {@code atMost}, exactly one given). The
     * ratio's range is [n.low / d.high, n.high / d.low].
     */
    static Decision decide(Bounds n, Bounds d, Double atLeast, Double atMost) {
        double min = n.low() / d.high();
        double max = d.low() == 0 ? Double.POSITIVE_INFINITY : n.high() / d.low();
        String range = String.format(Locale.ROOT, "%s; %s: the ratio lies in [%s, %s]", n.text(), d.text(), num(min), num(max));
        String lowCorner = n.transport() + " at " + n.lowBy() + ", " + d.transport() + " at " + d.highBy();
        String highCorner = n.transport() + " at " + n.highBy() + ", " + d.transport() + " at " + d.lowBy();
        if (atLeast != null) {
            if (min >= atLeast) {
                return new Decision(Claims.Verdict.SUPPORTED, range + ", at least " + num(atLeast) + " at every corner: robust to the harness");
            }
            if (max < atLeast) {
                return new Decision(Claims.Verdict.REFUTED, range + ", under " + num(atLeast) + " at every corner: robust to the harness");
            }
            return new Decision(Claims.Verdict.INCONCLUSIVE, range + "; " + num(atLeast) + " lies inside: with " + lowCorner + " it is "
                    + num(min) + ", with " + highCorner + " " + num(max));
        }
        if (max <= atMost) {
            return new Decision(Claims.Verdict.SUPPORTED, range + ", at most " + num(atMost) + " at every corner: robust to the harness");
        }
        if (min > atMost) {
            return new Decision(Claims.Verdict.REFUTED, range + ", over " + num(atMost) + " at every corner: robust to the harness");
        }
        return new Decision(Claims.Verdict.INCONCLUSIVE, range + "; " + num(atMost) + " lies inside: with " + highCorner + " it is "
                + num(max) + ", with " + lowCorner + " " + num(min));
    }

    private static String num(double v) {
        return Double.isInfinite(v) ? "∞" : Format.num(v);
    }
}
