package io.wirebench.e2e.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * {@code scripts/load --ceiling}: the load generator's own highest rate on this machine, against a no-op service
 * ({@link NoOpOperation}), before any codec or network: a knee search that steps the rate up until the sender falls
 * {@value #LAG_MS} ms behind its schedule or achieves under 95% of the target. A service figure above it says the
 * generator, not the service, was measured.
 */
final class GeneratorCeiling {
    /** The generator keeps up while it is never more than this behind its schedule (the runner warns at 100 ms). */
    static final double LAG_MS = 100;

    private GeneratorCeiling() {
    }

    /** The generator's highest rate against a no-op service ({@link NoOpOperation}): the runner's own limit on this machine, before any codec or network. */
    static int measure(Double rate, Map<String, String> context, Path folder) throws Exception {
        context.put("scenario", Scenarios.NO_OP);
        context.put("transport", "none");
        LoadOperation done = NoOpOperation.create();
        double start = rate == null ? 5_000 : rate;
        KneeSearch search = new KneeSearch(start, 2, 12, 1_000, 0, LAG_MS);
        // warm-up: the first second of a fresh JVM (JIT, class loading) is not the generator's steady speed
        new OpenLoopRunner(done, line -> { }).run(new LoadPlan(start, Duration.ofSeconds(2), 64, Duration.ofSeconds(5)));
        System.out.printf(Locale.ROOT, "ceiling: requests to a no-op transport from %.0f/s, x2 per 3 s step, until the sender falls %.0f ms behind"
                + " or achieves under 95%% of the target%n", start, LAG_MS);
        KneeSearch.Outcome outcome = search.search(r -> new OpenLoopRunner(done, line -> { })
                .run(new LoadPlan(r, Duration.ofSeconds(3), 64, Duration.ofSeconds(5))), System.out::println);
        ObjectNode json = LoadResultJson.kneeJson(outcome, context, 0);
        Path file = folder.resolve("ceiling.json");
        LoadResultJson.write(json, file);
        System.out.printf(Locale.ROOT, "ceiling: %.0f operations/s sustained by the generator alone%n", outcome.kneeRate());
        System.out.println("result: " + file);
        return 0;
    }
}
