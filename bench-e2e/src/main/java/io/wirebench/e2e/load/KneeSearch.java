package io.wirebench.e2e.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The highest sustainable rate: runs steps at rising target rates ({@code startRate}, × {@code factor},
 * …) and stops at the first step that is not sustained. A step is sustained when its error rate is within
 * the budget, its corrected p99 within {@code p99LimitMillis}, it achieved at least 95% of its target
 * rate, and (with {@code maxLagMillis}) the sender kept to its schedule. The knee is the last sustained
 * step's rate; NaN if even the first step failed. A search whose every step was sustained is
 * {@code capped}: it hit its step limit, and the knee is somewhere above its last rate.
 */
public final class KneeSearch {
    static final double MIN_ACHIEVED = 0.95;

    private final double startRate;
    private final double factor;
    private final int maxSteps;
    private final double p99LimitMillis;
    private final double errorBudget;
    private final double maxLagMillis;

    /** One step's run of a knee search. */
    @FunctionalInterface
    public interface StepRunner {
        LoadResult run(double ratePerSecond) throws InterruptedException;
    }

    public record Step(double targetRate, LoadResult result, boolean sustained, String verdict) {
    }

    /**
     * {@code capped}: every step was sustained, so the search stopped at its step limit, not at a knee:
     * the knee lies above {@code kneeRate} and was not found.
     */
    public record Outcome(List<Step> steps, double kneeRate, boolean capped) {
        /** What the search found, for its last line: "120.0 orders/s sustained", or why there is no knee. */
        public String verdict(String unit) {
            return Double.isNaN(kneeRate) ? "not even the first step was sustained"
                    : capped ? String.format(Locale.ROOT, "not found below %.1f %s/s (every step sustained; the search hit its step limit)",
                            kneeRate, unit)
                    : String.format(Locale.ROOT, "%.1f %s/s sustained", kneeRate, unit);
        }
    }

    public KneeSearch(double startRate, double factor, int maxSteps, double p99LimitMillis, double errorBudget, double maxLagMillis) {
        if (!(startRate > 0) || !(factor > 1) || maxSteps < 1 || !(p99LimitMillis > 0) || !(errorBudget >= 0)) {
            throw new IllegalArgumentException("need start rate > 0, factor > 1, steps >= 1, p99 limit > 0, error budget >= 0");
        }
        this.startRate = startRate;
        this.factor = factor;
        this.maxSteps = maxSteps;
        this.p99LimitMillis = p99LimitMillis;
        this.errorBudget = errorBudget;
        this.maxLagMillis = maxLagMillis;
    }

    public Outcome search(StepRunner runner, Consumer<String> progress) throws InterruptedException {
        List<Step> steps = new ArrayList<>();
        double knee = Double.NaN;
        double rate = startRate;
        for (int i = 0; i < maxSteps; i++) {
            LoadResult result = runner.run(rate);
            String verdict = verdict(rate, result);
            Step step = new Step(rate, result, verdict == null, verdict == null ? "sustained" : verdict);
            steps.add(step);
            progress.accept(String.format(Locale.ROOT, "knee step %d: %.1f/s target, %.1f/s achieved, p99 %.2f ms, errors %.4f: %s",
                    i + 1, rate, result.achievedRatePerSecond(), result.p99Millis(), result.errorRate(), step.verdict()));
            if (!step.sustained()) {
                break;
            }
            knee = rate;
            rate *= factor;
        }
        boolean capped = !steps.isEmpty() && steps.get(steps.size() - 1).sustained();
        if (capped) {
            progress.accept(String.format(Locale.ROOT, "knee: not found below %.1f/s: every one of the %d steps was sustained (raise max_steps)",
                    knee, maxSteps));
        }
        return new Outcome(List.copyOf(steps), knee, capped);
    }

    /** Null if the step was sustained, else why not. */
    String verdict(double target, LoadResult r) {
        if (r.errorRate() > errorBudget) {
            return String.format(Locale.ROOT, "error rate %.4f above the budget %.4f", r.errorRate(), errorBudget);
        }
        if (r.corrected().getTotalCount() == 0) {
            return "no successful requests";
        }
        if (r.p99Millis() > p99LimitMillis) {
            return String.format(Locale.ROOT, "p99 %.2f ms above the limit %.2f ms", r.p99Millis(), p99LimitMillis);
        }
        if (r.achievedRatePerSecond() < MIN_ACHIEVED * target) {
            return String.format(Locale.ROOT, "achieved %.1f/s, under %.0f%% of the target", r.achievedRatePerSecond(), MIN_ACHIEVED * 100);
        }
        if (maxLagMillis > 0 && r.maxSendLagMillis() > maxLagMillis) {
            return String.format(Locale.ROOT, "the sender fell %.1f ms behind its schedule (limit %.1f ms)", r.maxSendLagMillis(), maxLagMillis);
        }
        return null;
    }
}
