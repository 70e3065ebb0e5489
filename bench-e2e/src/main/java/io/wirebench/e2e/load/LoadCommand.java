package io.wirebench.e2e.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.transport.Transport;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.Transports;
import io.wirebench.transport.access.Security;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/load}: a fixed-rate run of one of the seed's scenarios over a transport, configured by
 * {@code config/test-config.yaml} (command-line values override it), with a status line every second, a
 * summary at the end and a JSON result. {@code --knee} steps the rate up instead and reports the highest
 * sustainable rate; {@code --ceiling} measures how fast the generator itself can go (no transport). Exit
 * code 0: within the error budget and the books balance; 1: not; 2: bad configuration or arguments.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Drive a scenario over a transport at a fixed arrival rate (open loop).")
public final class LoadCommand implements Callable<Integer> {

    /** The scenarios' names, for the help text. */
    static final class ScenarioNames extends ArrayList<String> {
        ScenarioNames() {
            super(Scenarios.names());
        }
    }

    @Option(names = "--config", required = true, description = "the load configuration, e.g. config/test-config.yaml")
    Path config;

    @Option(names = "--scenario", defaultValue = "ecommerce", completionCandidates = ScenarioNames.class,
            description = "one of: ${COMPLETION-CANDIDATES}, or noop with --workers (default: ${DEFAULT-VALUE})")
    String scenario;

    @Option(names = "--transport", defaultValue = "nats", completionCandidates = Transports.Names.class,
            description = "one of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    String transport;

    @Option(names = "--duration", description = "overrides load_test.duration_seconds (steady phase), e.g. 30s or 2m")
    String duration;

    @Option(names = "--rate", description = "overrides the scenario's rate (operations/s)")
    Double rate;

    @Option(names = "--users", description = "overrides load_test.users (operations in flight at most)")
    Integer users;

    @Option(names = "--spawn-rate", description = "overrides load_test.spawn_rate (users started per second)")
    Double spawnRate;

    @Option(names = "--knee", description = "step the rate up (the config's knee section) and report the highest sustainable rate")
    boolean knee;

    @Option(names = "--ceiling", description = "measure the generator's own highest rate against a no-op operation (no transport)")
    boolean ceiling;

    @Option(names = "--security", defaultValue = "none", description = "none, auth or tls: credentials and TLS on the transport (default: ${DEFAULT-VALUE})")
    String security;

    @Option(names = "--fault", description = "replaces the config's faults (repeat for several): at=10,action=kill,target=nats,duration=5"
            + " or at=10,action=slow,target=payment,duration=5,delay_ms=50")
    List<String> faultSpecs;

    @Option(names = "--out", description = "folder for the JSON result (default: results/load-<UTC time>)")
    Path out;

    @Option(names = "--workers", description = "run the schedule over N load worker processes started here, coordinated over NATS"
            + " (with --scenario noop: a no-op service)")
    Integer workers;

    @Option(names = "--remote-workers", defaultValue = "0", description = "this many more workers join from other hosts"
            + " (scripts/load-worker --control URL); needs --control")
    int remoteWorkers;

    @Option(names = "--control", description = "the control plane's NATS URL for --workers (default: a nats-server of the run's own, on 127.0.0.1)")
    String control;

    @Override
    public Integer call() throws Exception {
        LoadConfig settings = LoadConfig.read(config);
        if (faultSpecs != null && !faultSpecs.isEmpty()) {
            settings = settings.withFaults(faultSpecs);
        }
        LoadConfig.LoadTest test = settings.loadTest();
        double seconds = duration == null ? test.durationSeconds() : parseSeconds(duration);
        int inFlight = users == null ? test.users() : users;
        double spawn = spawnRate == null ? test.spawnRate() : spawnRate;
        if (inFlight < 1 || !(spawn > 0)) {
            throw new IllegalArgumentException("--users must be >= 1 and --spawn-rate > 0");
        }
        Duration timeout = Duration.ofMillis(test.requestTimeoutMs());
        Duration steady = Duration.ofMillis((long) (seconds * 1000));
        Path folder = out != null ? out : Path.of("results", "load-" + Instant.now().toString().replace(":", ""));
        Files.createDirectories(folder);
        Map<String, String> context = new LinkedHashMap<>();
        context.put("config", config.toString());
        context.put("date", Instant.now().toString());
        context.put("java", Runtime.version().toString());
        context.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));

        if (workers != null || remoteWorkers > 0) {
            return distributed(settings, context, folder, steady, inFlight, spawn);
        }
        Scenario chosen = Scenarios.byName(scenario);
        if (ceiling) {
            return GeneratorCeiling.measure(rate, context, folder);
        }
        Codec codec = Codecs.byName(test.codec());
        try (Transport impl = Transports.byName(transport, new TransportSettings(timeout, TransportSettings.DEFAULT_RESPONDERS, null,
                Security.byName(security)));
             LoadScenario work = chosen.open(settings, impl, codec, inFlight)) {
            context.put("scenario", scenario);
            context.put("unit", work.unit());
            context.put("transport", transport);
            context.put("codec", test.codec());
            impl.describe().forEach((k, v) -> context.put("transport." + k, v));
            double target = rate == null ? work.configuredRate() : rate;
            if (knee) {
                return kneeSearch(settings, work, context, folder, inFlight, timeout);
            }
            LoadPlan plan = new LoadPlan(target, steady, inFlight, timeout, Duration.ofMillis((long) (inFlight / spawn * 1000)));
            System.out.printf(Locale.ROOT, "load: %s over %s, %.1f %s/s for %.0f s after a %.1f s ramp-up (%d users at %.1f/s), %s%n",
                    scenario, transport, plan.ratePerSecond(), work.unit(), seconds, plan.ramp().toMillis() / 1e3, inFlight, spawn, test.codec());
            for (Fault fault : settings.faults()) {
                FaultSchedule.check(fault, impl, work.delays()); // a target this transport or scenario lacks is refused before the run
            }
            LoadResult result;
            List<FaultSchedule.Event> events;
            try (FaultSchedule faults = new FaultSchedule()) {
                faults.start(settings.faults(), impl, work.delays(), plan.ramp().toMillis() / 1e3);
                result = new OpenLoopRunner(work.operation(), System.out::println).run(plan);
                events = faults.events();
            }
            Map<String, Object> books = work.accounting();
            ObjectNode json = LoadResultJson.toJson(result, context, test.errorBudget(), settings.knee().p99LimitMs(), books);
            FaultRecovery.addTo(json, settings.faults(), events, result.intervals(), plan.ramp().toMillis() / 1e3);
            Path file = folder.resolve("load-" + scenario + "-" + transport + FaultRecovery.fileSuffix(settings.faults()) + ".json");
            LoadResultJson.write(json, file);
            System.out.print(LoadSummary.of(result));
            System.out.println("accounting: " + books);
            System.out.println("status: " + json.get("status").asText() + (json.has("reason") ? " (" + json.get("reason").asText() + ")" : ""));
            System.out.println("result: " + file);
            return LoadResultJson.PASSED.equals(json.get("status").asText()) ? 0 : 1;
        }
    }

    private int kneeSearch(LoadConfig settings, LoadScenario work, Map<String, String> context, Path folder, int inFlight, Duration timeout)
            throws Exception {
        LoadConfig.Knee k = settings.knee();
        KneeSearch search = new KneeSearch(rate == null ? k.startRate() : rate, k.factor(), k.maxSteps(), k.p99LimitMs(),
                settings.loadTest().errorBudget(), 0);
        Duration step = Duration.ofMillis((long) (k.stepSeconds() * 1000));
        System.out.printf(Locale.ROOT, "knee: %s over %s, from %.1f %s/s, x%.2f per %.0f s step, p99 limit %.0f ms, %d users%n",
                scenario, transport, rate == null ? k.startRate() : rate, work.unit(), k.factor(), k.stepSeconds(), k.p99LimitMs(), inFlight);
        KneeSearch.Outcome outcome = search.search(r -> new OpenLoopRunner(work.operation(), line -> { })
                .run(new LoadPlan(r, step, inFlight, timeout)), System.out::println);
        ObjectNode json = LoadResultJson.kneeJson(outcome, context, settings.loadTest().errorBudget());
        json.set("accounting", new ObjectMapper().valueToTree(work.accounting()));
        Path file = folder.resolve("knee-" + scenario + "-" + transport + ".json");
        LoadResultJson.write(json, file);
        System.out.println("knee: " + outcome.verdict(work.unit()));
        System.out.println("result: " + file);
        return Double.isNaN(outcome.kneeRate()) ? 1 : 0;
    }

    /** {@code --workers N}: the schedule split over load workers ({@link DistributedRun}). */
    private int distributed(LoadConfig settings, Map<String, String> context, Path folder, Duration steady, int inFlight, double spawn)
            throws Exception {
        int local = workers == null ? 0 : workers;
        if (ceiling) {
            throw new IllegalArgumentException("--ceiling measures one generator; for several, run --scenario noop --workers N at the rates to try");
        }
        if (!"none".equals(security)) {
            throw new IllegalArgumentException("--workers runs with --security none for now (the workers would need the run's credentials)");
        }
        DistributedRun run = new DistributedRun(settings, scenario, transport, local, remoteWorkers, control, folder, context);
        return knee ? run.knee(rate, inFlight) : run.run(rate, steady, inFlight, spawn);
    }

    static double parseSeconds(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Double.parseDouble(t.substring(0, t.length() - 2)) / 1000;
            }
            if (t.endsWith("m")) {
                return Double.parseDouble(t.substring(0, t.length() - 1)) * 60;
            }
            if (t.endsWith("s")) {
                return Double.parseDouble(t.substring(0, t.length() - 1));
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--duration: '" + text + "' is not a duration such as 30s, 2m or 500ms");
        }
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new LoadCommand());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("load: " + e.getMessage());
            return 2;
        });
        System.exit(cli.execute(args));
    }
}
