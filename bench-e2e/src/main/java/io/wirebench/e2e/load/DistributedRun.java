package io.wirebench.e2e.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirebench.e2e.orders.OrderIds;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.transport.Transport;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.Transports;
import io.wirebench.transport.nats.ManagedNatsServer;
import io.wirebench.transport.serve.CallerAccessFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * {@code scripts/load --workers N [--remote-workers R --control URL]}: one load run whose schedule is split
 * over worker processes ({@link LoadWorker}), coordinated over NATS ({@link LoadCoordinator}). It starts the
 * control plane (a nats-server of its own, unless given one), the scenario's service side here with its books
 * ({@link ServiceSide}: the order pipeline, or the aggregation service and its readers, over the transport, checked
 * with one operation of each kind before timing), and the local workers; the workers send to the service; the faults of the configuration run
 * here, against the servers and services here, timed from the workers' common start; the result is written in
 * the load runner's format with a row per worker, the books over every worker's callers, and each fault's cost.
 */
final class DistributedRun {
    /** The no-op service's rate when neither the configuration nor --rate sets one. */
    static final double NO_OP_RATE = 10_000;
    static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);

    private final LoadConfig settings;
    private final String scenario;
    private final String transport;
    private final int local;
    private final int remote;
    private final String control;
    private final Path folder;
    private final Map<String, String> context;

    DistributedRun(LoadConfig settings, String scenario, String transport, int local, int remote, String control, Path folder,
                   Map<String, String> context) {
        if (local < 0 || remote < 0 || local + remote < 1) {
            throw new IllegalArgumentException("--workers and --remote-workers: at least one worker in all, none negative");
        }
        if (remote > 0 && control == null) {
            throw new IllegalArgumentException("--remote-workers: workers on other hosts need a control plane they can reach; give --control nats://HOST:PORT");
        }
        if (!scenario.equals(Scenarios.NO_OP) && !Scenarios.distributable().contains(scenario)) {
            throw new IllegalArgumentException("--workers runs --scenario " + Scenarios.NO_OP + " (a no-op service) or one of "
                    + String.join(", ", Scenarios.distributable()) + "; " + scenario + " with workers is not built yet");
        }
        if (scenario.equals(Scenarios.NO_OP) && !settings.faults().isEmpty()) {
            throw new IllegalArgumentException("faults need a scenario over a transport; the no-op service has no server to break (the configuration "
                    + "has " + settings.faults().size() + ")");
        }
        if (!scenario.equals(Scenarios.NO_OP) && remote > 0) {
            throw new IllegalArgumentException("--remote-workers with " + scenario + ": the services listen on this host's loopback only; workers"
                    + " elsewhere need them reachable (with credentials), which is not built yet");
        }
        this.settings = settings;
        this.scenario = scenario;
        this.transport = transport;
        this.local = local;
        this.remote = remote;
        this.control = control;
        this.folder = folder;
        this.context = context;
    }

    /** Runs at {@code rate} (null: the scenario's configured rate; 10,000/s for the no-op service); exit code 0 when it passed. */
    int run(Double rate, Duration steady, int inFlight, double spawn) throws Exception {
        LoadConfig.LoadTest test = settings.loadTest();
        Duration timeout = Duration.ofMillis(test.requestTimeoutMs());
        int all = local + remote;
        context.put("workers", Integer.toString(all));
        try (Transport impl = transportHere(timeout);
             ServiceSide service = serviceSide(impl)) {
            LoadProtocol.Target target = target(impl, service);
            double asked = rate != null ? rate : configuredRate();
            LoadPlan plan = new LoadPlan(asked, steady, inFlight, timeout, Duration.ofMillis((long) (inFlight / spawn * 1000)));
            System.out.printf(Locale.ROOT, "load: %s, %.1f %s/s for %.0f s after a %.1f s ramp-up, over %d workers (%d here)%n",
                    service == null ? "a no-op service" : scenario + " over " + transport, plan.ratePerSecond(), context.get("unit"),
                    steady.toMillis() / 1e3, plan.ramp().toMillis() / 1e3, all, local);
            for (Fault fault : settings.faults()) {
                FaultSchedule.check(fault, impl, service.delays()); // a target this transport or scenario lacks is refused before the run
            }
            DistributedLoad run;
            List<FaultSchedule.Event> events;
            try (FaultSchedule faults = new FaultSchedule()) {
                // the faults run here, where the servers and services are, timed from the workers' common start
                run = coordinate(all, coordinator -> coordinator.run(plan, target, JOIN_TIMEOUT, start -> faults.start(settings.faults(), impl,
                        service == null ? null : service.delays(), plan.ramp().toMillis() / 1e3, start)));
                events = faults.events();
            }
            Map<String, Object> books = service == null ? Map.of() : service.accounting(run.operationsSent(), run.unanswered());
            ObjectNode json = DistributedLoadJson.toJson(run, context, test.errorBudget(), settings.knee().p99LimitMs(), books);
            FaultRecovery.addTo(json, settings.faults(), events, run.merged().intervals(), plan.ramp().toMillis() / 1e3);
            Path file = folder.resolve("load-" + scenario + (impl == null ? "" : "-" + transport) + FaultRecovery.fileSuffix(settings.faults())
                    + "-workers-" + all + ".json");
            LoadResultJson.write(json, file);
            System.out.print(LoadSummary.of(run.merged()));
            for (WorkerRow w : run.workers()) {
                System.out.printf(Locale.ROOT, "worker %-10s %d scheduled, %d sent, %d succeeded, %d failed, sender at most %.1f ms behind,"
                        + " clock offset %.3f ms%s%n", w.name(), w.scheduled(), w.sent(), w.succeeded(), w.failed(), w.maxSendLagMillis(),
                        w.clockOffsetMillis(), w.finished() ? "" : " LOST: " + w.lost());
            }
            if (!books.isEmpty()) {
                System.out.println("accounting: " + books);
            }
            System.out.println("status: " + json.get("status").asText() + (json.has("reason") ? " (" + json.get("reason").asText() + ")" : ""));
            System.out.println("result: " + file);
            return LoadResultJson.PASSED.equals(json.get("status").asText()) ? 0 : 1;
        }
    }

    private Codec codec() {
        return Codecs.byName(settings.loadTest().codec());
    }

    /** The transport the scenario's service side runs on here (null for the no-op service, which has none). */
    private Transport transportHere(Duration timeout) {
        return scenario.equals(Scenarios.NO_OP) ? null : Transports.byName(transport, new TransportSettings(timeout, TransportSettings.DEFAULT_RESPONDERS, null));
    }

    /** The scenario's service side here (null for the no-op service). */
    private ServiceSide serviceSide(Transport impl) {
        return scenario.equals(Scenarios.NO_OP) ? null : Scenarios.byName(scenario).distributed().serviceSide(settings, impl, codec());
    }

    /** The scenario's configured rate; the no-op service's default is 10,000/s. */
    private double configuredRate() {
        return scenario.equals(Scenarios.NO_OP) ? NO_OP_RATE : Scenarios.byName(scenario).configuredRate(settings);
    }

    /**
     * What the workers send; for a scenario, checked here first with one operation of each kind through this process's
     * own caller, after which the books start from zero.
     */
    private LoadProtocol.Target target(Transport impl, ServiceSide service) {
        if (service == null) {
            context.put("scenario", Scenarios.NO_OP);
            context.put("unit", "requests");
            context.put("transport", "none");
            return LoadProtocol.Target.noop();
        }
        String url = CallerAccessFiles.callersUrl(impl.describe());
        if (url == null) {
            throw new IllegalArgumentException(transport + " has no address workers could reach (" + impl.describe() + "); use a networked transport");
        }
        context.put("scenario", scenario);
        context.put("transport", transport);
        context.put("codec", settings.loadTest().codec());
        impl.describe().forEach((k, v) -> context.put("transport." + k, v));
        Scenario chosen = Scenarios.byName(scenario);
        LoadProtocol.Target target = chosen.distributed().target(settings, transport, url, settings.loadTest().codec());
        // this process's own caller takes the index after the workers', so no two callers share ids
        try (ScenarioClient check = chosen.distributed().client(target, impl, codec(), local + remote)) {
            check.checkBeforeTiming();
        }
        service.readyForTiming();
        context.put("unit", chosen.unit(settings));
        return target;
    }

    /** What runs while the workers are there: one plan, or a knee search's steps. */
    @FunctionalInterface
    private interface Work<T> {
        T with(LoadCoordinator coordinator) throws Exception;
    }

    private <T> T coordinate(int all, Work<T> work) throws Exception {
        ManagedNatsServer own = control == null ? new ManagedNatsServer() : null;
        try {
            if (own != null) {
                own.start();
            }
            String url = own == null ? control : own.url();
            context.put("control", own == null ? "given" : "the run's own nats-server");
            try (LoadCoordinator coordinator = new LoadCoordinator(url, all, System.out::println);
                 LocalWorkers here = new LocalWorkers(local, url, folder)) {
                T result = work.with(coordinator);
                coordinator.finish();
                here.awaitExit(10);
                return result;
            }
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }

    /**
     * {@code --knee} with workers: the knee search's steps (the configuration's knee section) each one plan over all the
     * workers, the next rate decided from the merged result; the books over every step's orders at the end.
     */
    int knee(Double rate, int inFlight) throws Exception {
        LoadConfig.LoadTest test = settings.loadTest();
        LoadConfig.Knee k = settings.knee();
        Duration timeout = Duration.ofMillis(test.requestTimeoutMs());
        int all = local + remote;
        context.put("workers", Integer.toString(all));
        if (!settings.faults().isEmpty()) {
            throw new IllegalArgumentException("--knee with faults: a fault is timed within one run, and a knee search is many; leave one out");
        }
        try (Transport impl = transportHere(timeout);
             ServiceSide service = serviceSide(impl)) {
            LoadProtocol.Target target = target(impl, service);
            double start = rate != null ? rate : k.startRate();
            KneeSearch search = new KneeSearch(start, k.factor(), k.maxSteps(), k.p99LimitMs(), test.errorBudget(), 0);
            Duration step = Duration.ofMillis((long) (k.stepSeconds() * 1000));
            System.out.printf(Locale.ROOT, "knee: %s, from %.1f %s/s, x%.2f per %.0f s step, p99 limit %.0f ms, %d users, over %d workers (%d here)%n",
                    service == null ? "a no-op service" : scenario + " over " + transport, start, context.get("unit"), k.factor(), k.stepSeconds(),
                    k.p99LimitMs(), inFlight, all, local);
            DistributedLoad[] last = new DistributedLoad[1];
            KneeSearch.Outcome outcome = coordinate(all, coordinator -> search.search(r -> {
                try {
                    last[0] = coordinator.run(new LoadPlan(r, step, inFlight, timeout), target, JOIN_TIMEOUT);
                } catch (TimeoutException e) {
                    throw new IllegalStateException(e);
                }
                if (!last[0].lost().isEmpty()) {
                    System.out.println("knee: lost " + last[0].lost().stream().map(WorkerRow::name).toList() + "; their share counts as failed");
                }
                return last[0].merged();
            }, System.out::println));
            ObjectNode json = LoadResultJson.kneeJson(outcome, context, test.errorBudget());
            if (service != null && last[0] != null) {
                json.set("accounting", new ObjectMapper().valueToTree(
                        service.accounting(last[0].operationsSent(), last[0].unanswered())));
            }
            Path file = folder.resolve("knee-" + scenario + (impl == null ? "" : "-" + transport) + "-workers-" + all + ".json");
            LoadResultJson.write(json, file);
            System.out.println("knee: " + outcome.verdict(context.get("unit")));
            System.out.println("result: " + file);
            return Double.isNaN(outcome.kneeRate()) ? 1 : 0;
        }
    }
}
