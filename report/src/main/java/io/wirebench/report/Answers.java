package io.wirebench.report;

import io.wirebench.report.claims.Claims;
import io.wirebench.report.format.Format;
import io.wirebench.report.model.Figure;
import io.wirebench.report.model.JmhResult;
import io.wirebench.report.model.LoadRun;
import io.wirebench.report.model.RunFolder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What a run found, in sentences, each with its figure and interval: the claims' verdicts, each transport's latency
 * at one caller and throughput with 16 in flight, the cheapest codec and the cost of validation per shape. A figure
 * without an interval (under 3 forks: a smoke run) never makes an answer; a question the run cannot answer says why.
 * The report opens with these ({@code ## Answers}), and {@code scripts/report} and {@code scripts/bench} print them.
 */
final class Answers {
    static final String SHAPE = "shape";

    private Answers() {
    }

    static List<String> of(RunFolder run, List<Claims.Answer> claims) {
        List<String> out = new ArrayList<>();
        for (Claims.Answer a : claims) {
            out.add(claim(a));
        }
        List<JmhResult> all = run.allJmh();
        out.add(transports(all, "RoundTripBenchmark.roundTrip", "p0.50", r -> r.threads() == 1,
                "At one caller, the round trip of a %s order takes (p50, fastest first): %s.", false,
                "each transport's latency at one caller"));
        out.add(transports(all, "RoundTripBenchmark.concurrent", "primary", r -> "16".equals(r.params().get("inFlight")) && r.threads() == 1,
                "With 16 requests in flight from one caller, a %s order's round trips come back at (fastest first): %s.", true,
                "each transport's throughput with 16 in flight"));
        out.add(codecs(all));
        out.add(validation(all));
        for (LoadRun l : run.loads()) {
            out.add(load(l));
        }
        return out;
    }

    /** A load run in a sentence: what it sustained, or why it did not (the generator, or the service at its concurrency). */
    private static String load(LoadRun l) {
        String what = String.format(Locale.ROOT, "The load run of %s over %s at %s/s (%d users)", l.scenario(), l.transport(), Format.num(l.targetRate()),
                l.users());
        if ("passed".equals(l.status())) {
            return String.format(Locale.ROOT, "%s sustained %s/s with a corrected p50 of %s ms and p99 of %s ms (latency from the intended send time).",
                    what, Format.num(l.achievedRate()), Format.num(l.p50() / 1e3), Format.num(l.p99() / 1e3));
        }
        return what + " did not pass (" + l.status() + "): " + (l.reason() == null || l.reason().isEmpty() ? "no reason recorded" : l.reason()) + ".";
    }

    private static String claim(Claims.Answer a) {
        String verdict = switch (a.verdict()) {
            case SUPPORTED -> "holds here";
            case REFUTED -> "does not hold here";
            case INCONCLUSIVE -> "is not decided by this run";
        };
        boolean robust = a.verdict() != Claims.Verdict.INCONCLUSIVE && a.evidence().stream().anyMatch(e -> e.endsWith("robust to the harness"));
        String sentence = "**" + a.claim().id() + "** " + a.verdict() + (robust ? ", robust to the harness" : "") + ": \"" + a.claim().text() + "\" "
                + verdict;
        if (a.headline() != null) {
            sentence += "; " + a.headline();
        } else if (a.verdict() == Claims.Verdict.INCONCLUSIVE) {
            String why = a.evidence().stream().filter(e -> !e.startsWith("INCONCLUSIVE within the bounds")).findFirst().orElse(null);
            if (why != null) {
                sentence += " (" + why + ")";
            }
        }
        return sentence + ".";
    }

    /** The one shape every transport question speaks of: small when the run has it, else its smallest. */
    private static String shape(List<JmhResult> results) {
        List<String> order = List.of("tiny", "small", "medium", "large", "huge");
        return results.stream().map(r -> r.params().get(SHAPE)).filter(s -> s != null).distinct()
                .min(Comparator.comparingInt(s -> s.equals("small") ? -1 : order.indexOf(s))).orElse(null);
    }

    /** The suite's default settings: JSON, no security, colocated, a shared connection. */
    private static boolean defaults(JmhResult r) {
        Map<String, String> p = r.params();
        return "json".equals(p.getOrDefault("codec", "json")) && "none".equals(p.getOrDefault("security", "none"))
                && "colocated".equals(p.getOrDefault("placement", "colocated")) && !"per-thread".equals(p.get("connection"));
    }

    private static String transports(List<JmhResult> all, String benchmark, String metric, Predicate<JmhResult> point, String sentence,
                                     boolean higherIsBetter, String question) {
        List<JmhResult> matched = all.stream().filter(r -> r.shortName().equals(benchmark) && r.params().containsKey("transport") && point.test(r)
                && defaults(r) && r.metric(metric) != null).toList();
        String shape = shape(matched);
        if (matched.isEmpty() || shape == null) {
            return "Not answered: " + question + " (this run has no " + benchmark + " at that point).";
        }
        Map<String, Figure> byTransport = new LinkedHashMap<>();
        String unit = null;
        for (JmhResult r : matched) {
            if (shape.equals(r.params().get(SHAPE))) {
                byTransport.put(r.params().get("transport"), Figure.of(r, metric));
                unit = r.metric(metric).unit();
            }
        }
        // only the figures with an interval answer; a smoke run's (the quick profile's other transports) are named apart
        List<String> smokeOnly = byTransport.entrySet().stream().filter(e -> !e.getValue().hasInterval()).map(Map.Entry::getKey).toList();
        String why = smoke(byTransport.values());
        byTransport.values().removeIf(f -> !f.hasInterval());
        if (byTransport.isEmpty()) {
            return "Not answered: " + question + " (" + why + ").";
        }
        Comparator<Map.Entry<String, Figure>> fastest = Comparator.comparingDouble(e -> e.getValue().score());
        String u = unit;
        List<String> parts = byTransport.entrySet().stream().sorted(higherIsBetter ? fastest.reversed() : fastest)
                .map(e -> e.getKey() + " " + e.getValue().text(Format::num, u, false)).toList();
        String answer = String.format(sentence, shape, String.join(", ", parts));
        return smokeOnly.isEmpty() ? answer : answer.substring(0, answer.length() - 1) + " (" + String.join(", ", smokeOnly)
                + ": smoke, not a result).";
    }

    /** Why these figures are no answer (a smoke run's: under 3 forks), or null when every one has its interval. */
    private static String smoke(Iterable<Figure> figures) {
        for (Figure f : figures) {
            if (!f.hasInterval()) {
                return "smoke: not a result; " + f.noIntervalReason() + ", no interval";
            }
        }
        return null;
    }

    private static String codecs(List<JmhResult> all) {
        Map<String, Map<String, Figure[]>> byShape = new TreeMap<>(); // shape -> codec -> {encode, decode}
        for (JmhResult r : all) {
            boolean encode = r.shortName().equals("CodecBenchmark.encode");
            if ((encode || r.shortName().equals("CodecBenchmark.decode")) && r.params().containsKey("codec") && r.metric("primary") != null
                    && !"json-naive".equals(r.params().get("codec"))) {
                byShape.computeIfAbsent(r.params().get(SHAPE), k -> new TreeMap<>())
                        .computeIfAbsent(r.params().get("codec"), k -> new Figure[2])[encode ? 0 : 1] = Figure.of(r, "primary");
            }
        }
        List<String> parts = new ArrayList<>();
        String unit = all.stream().filter(r -> r.shortName().equals("CodecBenchmark.decode")).map(r -> r.primary().unit()).findFirst().orElse("");
        String skipped = "this run has no CodecBenchmark";
        for (Map.Entry<String, Map<String, Figure[]>> shape : byShape.entrySet()) {
            List<Figure> figures = new ArrayList<>();
            shape.getValue().values().forEach(f -> {
                if (f[0] != null && f[1] != null) {
                    figures.add(f[0]);
                    figures.add(f[1]);
                }
            });
            String smoke = smoke(figures);
            if (figures.isEmpty() || smoke != null) {
                skipped = figures.isEmpty() ? "this run has no codec's encode and decode" : smoke;
                continue; // a smoke shape answers nothing; another shape may
            }
            Map.Entry<String, Figure[]> cheapest = shape.getValue().entrySet().stream().filter(e -> e.getValue()[0] != null && e.getValue()[1] != null)
                    .min(Comparator.comparingDouble(e -> e.getValue()[0].score() + e.getValue()[1].score())).orElseThrow();
            parts.add("for a " + shape.getKey() + " order " + cheapest.getKey() + " (encode " + cheapest.getValue()[0].text(Format::num, unit, false)
                    + ", decode " + cheapest.getValue()[1].text(Format::num, unit, false) + ")");
        }
        return parts.isEmpty() ? "Not answered: the cheapest codec (" + skipped + ")."
                : "The cheapest codec to encode and decode, " + String.join("; ", parts) + ".";
    }

    private static String validation(List<JmhResult> all) {
        Map<String, Figure> byShape = new TreeMap<>();
        String unit = "";
        for (JmhResult r : all) {
            if (r.shortName().equals("ValidationBenchmark.validate") && "hibernate".equals(r.params().get("validator"))
                    && "valid".equals(r.params().get("payload")) && r.metric("primary") != null) {
                byShape.put(r.params().get(SHAPE), Figure.of(r, "primary"));
                unit = r.primary().unit();
            }
        }
        if (byShape.isEmpty()) {
            return "Not answered: the cost of validation (this run has no ValidationBenchmark of Hibernate Validator on valid orders).";
        }
        String smoke = smoke(byShape.values());
        if (smoke != null) {
            return "Not answered: the cost of validation (" + smoke + ").";
        }
        String u = unit;
        List<String> parts = byShape.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().text(Format::num, u, false)).toList();
        return "Validating a valid order with Hibernate Validator costs: " + String.join(", ", parts) + ".";
    }
}
