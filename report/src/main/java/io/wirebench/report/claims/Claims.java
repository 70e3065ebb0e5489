package io.wirebench.report.claims;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wirebench.report.format.Format;
import io.wirebench.report.model.Figure;
import io.wirebench.report.model.JmhResult;
import io.wirebench.report.model.LoadRun;
import io.wirebench.report.model.Metric;
import io.wirebench.report.model.PeerFloor;
import io.wirebench.report.model.RunFolder;
import io.wirebench.yaml.ConfigFileException;
import io.wirebench.yaml.StrictYaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@code config/claims.yaml}: the claims a report checks, and the checking. */
public record Claims(@JsonProperty(value = "claims", required = true) List<Claim> claims) {
    /** The transport of a knee measured without one: the generator's own ceiling ({@code scripts/load --ceiling}). */
    static final String NO_TRANSPORT = "none";


    public enum Verdict { SUPPORTED, REFUTED, INCONCLUSIVE }

    /**
     * A claim's answer: the verdict, the evidence point by point, and for a ratio its headline point in a sentence (the
     * small order at one caller when the run has it: both figures with their intervals and the ratio; null otherwise).
     */
    public record Answer(Claim claim, Verdict verdict, List<String> evidence, String headline) {

        public Answer(Claim claim, Verdict verdict, List<String> evidence) {
            this(claim, verdict, evidence, null);
        }

        /** The evidence in one short line, for a table cell: the headline point if there is one, else the first point. */
        public String summary() {
            return headline != null ? headline : evidence.isEmpty() ? "" : evidence.get(0);
        }
    }

    public static Claims read(Path file) {
        Claims claims = StrictYaml.read(file, Claims.class);
        if (claims == null || claims.claims() == null) {
            throw new ConfigFileException(file, "claims", "no claims");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < claims.claims().size(); i++) {
            Claim claim = claims.claims().get(i);
            claim.validate(file, "claims[" + i + "]");
            if (!ids.add(claim.id())) {
                throw new ConfigFileException(file, "claims[" + i + "].id", "'" + claim.id() + "' is used twice");
            }
        }
        return claims;
    }


    public List<Answer> check(RunFolder run) {
        List<Answer> answers = new ArrayList<>();
        HarnessEfficiency efficiency = HarnessEfficiency.of(run);
        for (Claim claim : claims) {
            answers.add(switch (claim.kind()) {
                case "below" -> below(claim, run.allJmh());
                case "ratio" -> ratio(claim, run.allJmh(), harnessOutside(claim, efficiency), run.peers());
                case "load-rate" -> loadRate(claim, run);
                default -> throw new IllegalStateException("unchecked kind " + claim.kind());
            });
        }
        return answers;
    }

    static boolean matches(JmhResult r, String benchmark, Map<String, String> where) {
        if (!(r.benchmark().equals(benchmark) || r.benchmark().endsWith("." + benchmark))) {
            return false;
        }
        for (Map.Entry<String, String> w : where.entrySet()) {
            String value = "threads".equals(w.getKey()) ? String.valueOf(r.threads()) : r.params().get(w.getKey());
            if (!w.getValue().equals(value)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Null when the results are one (or none); otherwise which params tell them apart ("differ in codec (json,
     * kryo)"): a claim that leaves a param open would otherwise judge whichever result came last.
     */
    static String ambiguity(List<JmhResult> results) {
        if (results.size() < 2) {
            return null;
        }
        TreeMap<String, TreeSet<String>> values = new TreeMap<>();
        for (JmhResult r : results) {
            r.params().forEach((k, v) -> values.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
            values.computeIfAbsent("threads", x -> new TreeSet<>()).add(String.valueOf(r.threads()));
        }
        List<String> differing = new ArrayList<>();
        values.forEach((k, v) -> {
            boolean missingSomewhere = !"threads".equals(k) && results.stream().anyMatch(r -> !r.params().containsKey(k));
            if (v.size() > 1 || missingSomewhere) {
                differing.add(k + " (" + String.join(", ", v) + (missingSomewhere ? ", absent" : "") + ")");
            }
        });
        return results.size() + " results differ in " + (differing.isEmpty() ? "nothing (the same benchmark twice, in two files)"
                : String.join(", ", differing));
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.0f" : "%.2f", v);
    }

    private static Answer below(Claim c, List<JmhResult> all) {
        Map<String, String> where = c.where() == null ? Map.of() : c.where();
        List<String> evidence = new ArrayList<>();
        int held = 0;
        int failed = 0;
        int open = 0;
        List<JmhResult> matched = all.stream().filter(r -> matches(r, c.benchmark(), where) && r.metric(c.metric()) != null).toList();
        String ambiguous = ambiguity(matched);
        if (ambiguous != null) {
            return new Answer(c, Verdict.INCONCLUSIVE, List.of("refused: " + matched.size() + " results of " + c.benchmark() + " match " + where
                    + " and " + ambiguous + "; pin them in the claim's where"));
        }
        for (JmhResult r : matched) {
            Metric m = r.metric(c.metric());
            Figure f = Figure.of(r, c.metric());
            // no interval (under 3 forks) or still trending: no verdict; a point alone cannot say which side of the limit the figure lies
            Verdict v = !f.hasInterval() || f.steady().trending() ? Verdict.INCONCLUSIVE
                    : f.high() < c.limit() ? Verdict.SUPPORTED : f.low() >= c.limit() ? Verdict.REFUTED : Verdict.INCONCLUSIVE;
            held += v == Verdict.SUPPORTED ? 1 : 0;
            failed += v == Verdict.REFUTED ? 1 : 0;
            open += v == Verdict.INCONCLUSIVE ? 1 : 0;
            evidence.add(!f.hasInterval() ? String.format(Locale.ROOT, "%s %s: no figure (%s, no interval), limit %s%s: %s", r.shortName(), c.metric(),
                    f.noIntervalReason(), fmt(c.limit()), samplesNote(r), v)
                    : String.format(Locale.ROOT, "%s %s = %s, limit %s%s: %s", r.shortName(), c.metric(), f.text(Claims::fmt, m.unit(), true),
                    fmt(c.limit()), samplesNote(r), v));
        }
        return new Answer(c, verdict(held, failed, open), evidence.isEmpty() ? List.of("no result of " + c.benchmark() + " " + where) : evidence);
    }

    private static String samplesNote(JmhResult r) {
        return r.samples() >= 0 ? ", " + r.samples() + " samples, t=" + r.threads() : ", t=" + r.threads();
    }

    /**
     * Why the harness may be the bottleneck of a ratio between two transports (empty: it is within its target for both,
     * or the claim compares one transport with itself, whose harness then stands on both sides alike).
     */
    static List<String> harnessOutside(Claim claim, HarnessEfficiency efficiency) {
        String a = claim.numerator().get("transport");
        String b = claim.denominator().get("transport");
        if (a == null || b == null || a.equals(b)) {
            return List.of();
        }
        return efficiency.reasonsAgainst(new LinkedHashSet<>(List.of(a, b)));
    }

    /**
     * Which side is the better, and by how much, when the ratio's interval [lo, hi] of {@code n} over {@code d} leaves 1
     * out: ", so http is 2.3x faster [2.0, 2.7]" (for a latency, the lower side; for a throughput, the higher); empty otherwise.
     */
    static String faster(String n, String d, double ratio, double lo, double hi, Metric.Direction direction) {
        if (direction == Metric.Direction.UNKNOWN || (lo <= 1 && hi >= 1)) {
            return lo <= 1 && hi >= 1 ? ", so neither is clearly the better" : "";
        }
        boolean numeratorLower = hi < 1;
        boolean numeratorBetter = direction == Metric.Direction.LOWER_IS_BETTER ? numeratorLower : !numeratorLower;
        double from = numeratorLower ? 1 / hi : lo;
        double to = numeratorLower ? 1 / lo : hi;
        double mid = numeratorLower ? 1 / ratio : ratio;
        String word = direction == Metric.Direction.LOWER_IS_BETTER ? "faster" : "the higher";
        return String.format(Locale.ROOT, ", so %s is %.1fx %s [%.1f, %.1f]", numeratorBetter ? n : d, mid, word, from, to);
    }

    /**
     * What a ratio's side is, in words: what tells it from the {@code other} side, its transport by name ("http") and any
     * other parameter as "threads=16"; all of it when nothing does.
     */
    static String side(Map<String, String> match, Map<String, String> other) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(match).forEach((k, v) -> {
            if (!v.equals(other.get(k))) {
                parts.add(k.equals("transport") ? v : k + "=" + v);
            }
        });
        if (parts.isEmpty()) {
            new TreeMap<>(match).forEach((k, v) -> parts.add(k + "=" + v));
        }
        parts.sort((a, b) -> Boolean.compare(a.contains("="), b.contains("="))); // the transport's name first
        return String.join(" ", parts);
    }

    /** The floors that bound {@code r}'s transport at its point: a round trip's, at the same shape and callers (threads x in flight). */
    static List<PeerFloor> floorsOf(JmhResult r, List<PeerFloor> peers) {
        if (!r.shortName().startsWith("RoundTripBenchmark.")) {
            return List.of(); // the floors measure a round trip, nothing more
        }
        String inFlight = r.params().getOrDefault("inFlight", "1");
        if (!inFlight.matches("[0-9]{1,6}")) {
            return List.of(); // a result file's param not a count: no floor can be matched to it
        }
        int callers = r.threads() * Integer.parseInt(inFlight);
        return peers.stream().filter(f -> f.isFloor() && f.transport().equals(r.params().get("transport")) && f.shape().equals(r.params().get("shape"))
                && f.callers() == callers).toList();
    }

    /**
     * A ratio claim, point by point. Where the harness is within its target for both sides (or the claim compares one
     * transport with itself), the ratio's interval decides; where it is not ({@code harness} says why), each point is
     * decided within the bounds the floors allow ({@link BoundedRatio}).
     */
    private static Answer ratio(Claim c, List<JmhResult> all, List<String> harness, List<PeerFloor> peers) {
        Map<String, List<JmhResult>> numResults = new LinkedHashMap<>();
        Map<String, List<JmhResult>> denResults = new LinkedHashMap<>();
        for (JmhResult r : all) {
            Metric m = r.metric(c.metric());
            if (m == null) {
                continue;
            }
            String point = "threads".equals(c.per()) ? String.valueOf(r.threads()) : r.params().get(c.per());
            if (point == null) {
                continue;
            }
            if (!"threads".equals(c.per()) && !c.numerator().containsKey("threads") && !c.denominator().containsKey("threads")) {
                point += " t=" + r.threads(); // compare like with like: the same number of callers
            }
            if (matches(r, c.benchmark(), c.numerator())) {
                numResults.computeIfAbsent(point, k -> new ArrayList<>()).add(r);
            }
            if (matches(r, c.benchmark(), c.denominator())) {
                denResults.computeIfAbsent(point, k -> new ArrayList<>()).add(r);
            }
        }
        List<String> evidence = new ArrayList<>();
        int held = 0;
        int failed = 0;
        int open = 0;
        String headline = null;
        for (Map.Entry<String, List<JmhResult>> e : numResults.entrySet()) {
            List<JmhResult> dens = denResults.get(e.getKey());
            if (dens == null) {
                continue;
            }
            // a point is compared only when exactly one result stands on each side: never the last of several
            String numAmbiguity = ambiguity(e.getValue());
            String denAmbiguity = ambiguity(dens);
            if (numAmbiguity != null || denAmbiguity != null) {
                evidence.add(c.per() + "=" + e.getKey() + ": refused: " + (numAmbiguity != null ? "the numerator's " + numAmbiguity
                        : "the denominator's " + denAmbiguity) + "; pin them in the claim");
                open++;
                continue;
            }
            Figure n = Figure.of(e.getValue().get(0), c.metric());
            Figure d = Figure.of(dens.get(0), c.metric());
            double[] r = Figure.ratio(n, d);
            double ratio = r[0];
            double lo = r[1];
            double hi = r[2];
            boolean noInterval = Double.isNaN(lo) || Double.isNaN(hi);
            boolean trending = n.steady().trending() || d.steady().trending();
            if (!noInterval && (headline == null || e.getKey().equals("small t=1") || e.getKey().equals("small"))) {
                String unit = e.getValue().get(0).metric(c.metric()).unit();
                headline = String.format(Locale.ROOT, "at %s=%s, %s %s and %s %s: %s / %s = %.2fx [%.2f, %.2f]%s", c.per(), e.getKey(), side(c.numerator(), c.denominator()),
                        n.text(Format::num, unit, false), side(c.denominator(), c.numerator()), d.text(Format::num, unit, false), side(c.numerator(), c.denominator()),
                        side(c.denominator(), c.numerator()), ratio, lo, hi, faster(side(c.numerator(), c.denominator()), side(c.denominator(), c.numerator()), ratio, lo, hi,
                                e.getValue().get(0).metric(c.metric()).direction()));
            }
            String kind = noInterval ? " (no interval: " + (n.forks() < d.forks() ? n : d).noIntervalReason() + ")"
                    : n.pairsWith(d) ? " (paired over " + Math.min(n.forks(), d.forks()) + " interleaved forks)"
                    : " (" + n.forks() + " and " + d.forks() + " forks, not interleaved)";
            Verdict v;
            Metric.Direction direction = e.getValue().get(0).metric(c.metric()).direction();
            if (!harness.isEmpty() && !noInterval && direction != Metric.Direction.UNKNOWN) {
                boolean latency = direction == Metric.Direction.LOWER_IS_BETTER;
                JmhResult nr = e.getValue().get(0);
                JmhResult dr = dens.get(0);
                BoundedRatio.Bounds bn = latency ? BoundedRatio.latency(c.numerator().get("transport"), n, floorsOf(nr, peers))
                        : BoundedRatio.throughput(c.numerator().get("transport"), n, floorsOf(nr, peers));
                BoundedRatio.Bounds bd = latency ? BoundedRatio.latency(c.denominator().get("transport"), d, floorsOf(dr, peers))
                        : BoundedRatio.throughput(c.denominator().get("transport"), d, floorsOf(dr, peers));
                BoundedRatio.Decision decision = BoundedRatio.decide(bn, bd, c.atLeast(), c.atMost());
                v = decision.verdict();
                held += v == Verdict.SUPPORTED ? 1 : 0;
                failed += v == Verdict.REFUTED ? 1 : 0;
                open += v == Verdict.INCONCLUSIVE ? 1 : 0;
                evidence.add(String.format(Locale.ROOT, "%s=%s: measured %.2fx [%.2f, %.2f]%s; within the floors' bounds, %s: %s", c.per(), e.getKey(),
                        ratio, lo, hi, kind, decision.reasoning(), v));
                continue;
            }
            if (noInterval || trending) {
                v = Verdict.INCONCLUSIVE;
            } else if (c.atLeast() != null) {
                v = lo >= c.atLeast() ? Verdict.SUPPORTED : hi < c.atLeast() ? Verdict.REFUTED : Verdict.INCONCLUSIVE;
            } else {
                v = hi <= c.atMost() ? Verdict.SUPPORTED : lo > c.atMost() ? Verdict.REFUTED : Verdict.INCONCLUSIVE;
            }
            held += v == Verdict.SUPPORTED ? 1 : 0;
            failed += v == Verdict.REFUTED ? 1 : 0;
            open += v == Verdict.INCONCLUSIVE ? 1 : 0;
            String steady = !trending ? "" : " " + (n.steady().trending() ? "numerator " + n.steady().label() : "")
                    + (n.steady().trending() && d.steady().trending() ? ", " : "") + (d.steady().trending() ? "denominator " + d.steady().label() : "");
            // a figure without an interval (a smoke run's) is no result: its ratio is not printed, let alone judged
            evidence.add(noInterval ? String.format(Locale.ROOT, "%s=%s: no ratio%s: %s", c.per(), e.getKey(), kind, v)
                    : String.format(Locale.ROOT, "%s=%s: %.2fx [%.2f, %.2f]%s%s: %s", c.per(), e.getKey(), ratio, lo, hi, kind, steady, v));
        }
        if (evidence.isEmpty()) {
            return new Answer(c, Verdict.INCONCLUSIVE, List.of("no pair of results of " + c.benchmark() + " for " + c.numerator()
                    + " and " + c.denominator()));
        }
        Verdict overall = verdict(held, failed, open);
        if (!harness.isEmpty()) {
            evidence.add(0, String.format(Locale.ROOT, "%s within the bounds the floors allow: held at %d, failed at %d, undecided at %d of %d points%s",
                    overall, held, failed, open, held + failed + open, overall == Verdict.INCONCLUSIVE ? "" : ", robust to the harness"));
            evidence.add("bounded by the floors, since " + String.join("; ", harness));
        }
        return new Answer(c, overall, evidence, headline);
    }

    private static Answer loadRate(Claim c, RunFolder run) {
        List<String> evidence = new ArrayList<>();
        boolean supported = false;
        boolean refuted = false;
        double best = Double.NaN;
        for (LoadRun l : run.loads()) {
            if ((c.scenario() != null && !c.scenario().equals(l.scenario())) || (c.transport() != null && !c.transport().equals(l.transport()))) {
                continue;
            }
            // sustained: within the error budget and, if the claim sets one, with the corrected p99 under its limit
            boolean fast = c.p99LimitMs() == null || l.p99() <= c.p99LimitMs() * 1e3;
            boolean passed = "passed".equals(l.status()) && fast;
            if (passed && l.achievedRate() >= c.atLeast() * 0.95 && l.targetRate() >= c.atLeast()) {
                supported = true;
            } else if (!passed && l.targetRate() >= c.atLeast()) {
                refuted = true;
            }
            if (passed && !(l.achievedRate() <= best)) {
                best = l.achievedRate();
            }
            evidence.add(String.format(Locale.ROOT, "load %s over %s: %s/s asked, %s/s achieved, p99 %s us%s, %s", l.scenario(), l.transport(),
                    fmt(l.targetRate()), fmt(l.achievedRate()), fmt(l.p99()),
                    fast ? "" : " (over the claim's " + fmt(c.p99LimitMs()) + " ms)", l.status()));
        }
        for (RunFolder.Knee k : run.knees()) {
            if (k.transport().equals(NO_TRANSPORT)) {
                continue; // the generator's own ceiling says nothing about a service
            }
            if ((c.scenario() != null && !c.scenario().equals(k.scenario())) || (c.transport() != null && !c.transport().equals(k.transport()))) {
                continue;
            }
            if (k.rate() >= c.atLeast()) {
                supported = true;
            } else if (k.capped()) {
                // the search stopped at its step limit below the claimed rate: that rate was never tried
                evidence.add(String.format(Locale.ROOT, "knee %s over %s: not found below %s/s (the search hit its step limit; %s/s was never"
                        + " tried): INCONCLUSIVE", k.scenario(), k.transport(), fmt(k.rate()), fmt(c.atLeast())));
                continue;
            } else {
                refuted = true;
            }
            evidence.add(String.format(Locale.ROOT, "knee %s over %s: %s/s sustained", k.scenario(), k.transport(), fmt(k.rate())));
        }
        if (evidence.isEmpty()) {
            return new Answer(c, Verdict.INCONCLUSIVE, List.of("no load run or knee search" + (c.scenario() == null ? "" : " of " + c.scenario())));
        }
        if (!supported && !refuted) {
            evidence.add("no run asked for " + fmt(c.atLeast()) + "/s; highest passing: " + (Double.isNaN(best) ? "none" : fmt(best) + "/s"));
        }
        return new Answer(c, supported && !refuted ? Verdict.SUPPORTED : refuted && !supported ? Verdict.REFUTED : Verdict.INCONCLUSIVE, evidence);
    }

    /**
     * A claim holds at every point it names ("at least 2x, per shape"): it is SUPPORTED when it held at every point,
     * REFUTED when it failed at one point or more (one counterexample refutes a claim about every point, whatever the
     * others say), and INCONCLUSIVE otherwise.
     */
    static Verdict verdict(int held, int failed, int open) {
        if (failed > 0) {
            return Verdict.REFUTED;
        }
        return held > 0 && open == 0 ? Verdict.SUPPORTED : Verdict.INCONCLUSIVE;
    }
}
