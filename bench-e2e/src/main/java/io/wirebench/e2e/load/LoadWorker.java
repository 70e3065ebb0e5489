package io.wirebench.e2e.load;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.transport.Transport;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.Transports;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One load generator of a distributed run ({@code scripts/load-worker --control nats://HOST:PORT}): joins
 * the coordinator over the control plane, measures its clock's offset from the coordinator's, runs its
 * share of the plan's one arrival schedule from the plan's start instant, sends each second's histogram as
 * it goes and its whole result at its end ({@link LoadProtocol}); then the next plan (a knee search's next
 * step), until the coordinator ends the run. Every wait is bounded.
 */
public final class LoadWorker implements AutoCloseable {
    static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);
    /** How long a worker waits for the plan once it is ready (the coordinator waits for the other workers first). */
    static final Duration PLAN_TIMEOUT = Duration.ofMinutes(2);
    /** After a plan's result is out, how long a worker waits for another plan (a knee search's next step) or the end. */
    static final Duration NEXT_PLAN_TIMEOUT = Duration.ofMinutes(2);
    static final int CLOCK_EXCHANGES = 8;

    private final Connection nats;
    private final String name;

    public LoadWorker(String controlUrl, String name) throws Exception {
        this.name = name;
        this.nats = Nats.connect(new Options.Builder().server(controlUrl).connectionTimeout(Duration.ofSeconds(5))
                .maxReconnects(0).connectionName("wirebench-load-worker " + name).build());
    }

    /** Joins, waits for the plan, runs its share; {@code progress} gets the runner's status lines. */
    public LoadProtocol.Done run(Consumer<String> progress) throws Exception {
        Subscription plans = nats.subscribe(LoadProtocol.PLAN);
        nats.flush(JOIN_TIMEOUT);
        LoadProtocol.Welcome welcome = LoadProtocol.read(ask(LoadProtocol.JOIN,
                LoadProtocol.write(new LoadProtocol.Join(name, host(), ProcessHandle.current().pid())), "join"), LoadProtocol.Welcome.class);
        if (welcome.index() < 0) {
            throw new IllegalStateException("the coordinator refused " + name + ": " + welcome.refused());
        }
        ScheduleShare share = new ScheduleShare(welcome.index(), welcome.of());
        ClockOffset clock = ClockOffset.measure(CLOCK_EXCHANGES, LoadProtocol::epochNanos,
                () -> LoadProtocol.read(ask(LoadProtocol.CLOCK, new byte[0], "clock"), LoadProtocol.ClockReading.class).coordinatorEpochNanos());
        nats.publish(LoadProtocol.READY, LoadProtocol.write(new LoadProtocol.Ready(share.index(), name, clock.offsetMillis(), clock.roundTripMillis())));
        nats.flush(JOIN_TIMEOUT);
        progress.accept(String.format(Locale.ROOT, "worker %s: share %d of %d, clock offset %.3f ms (round trip %.3f ms)", name,
                share.index(), share.of(), clock.offsetMillis(), clock.roundTripMillis()));
        // one plan, or several (a knee search's steps), until the coordinator says the run is over
        LoadProtocol.Done last = null;
        Target target = null;
        try {
            while (true) {
                Message planned = plans.nextMessage(last == null ? PLAN_TIMEOUT : NEXT_PLAN_TIMEOUT);
                if (planned == null) {
                    if (last == null) {
                        throw new IllegalStateException(name + ": no plan from the coordinator within " + PLAN_TIMEOUT.toSeconds() + " s of joining");
                    }
                    progress.accept("worker " + name + ": no word from the coordinator for " + NEXT_PLAN_TIMEOUT.toSeconds() + " s after its last plan; done");
                    return last;
                }
                LoadProtocol.Plan p = LoadProtocol.read(planned.getData(), LoadProtocol.Plan.class);
                if (LoadProtocol.Target.END.equals(p.target().scenario())) {
                    if (last == null) {
                        throw new IllegalStateException(name + ": the coordinator ended the run before giving a plan");
                    }
                    return last;
                }
                if (target == null) {
                    target = Target.open(p.target(), share, Duration.ofMillis(p.requestTimeoutMillis()));
                }
                last = run(p, share, clock, target, progress);
            }
        } finally {
            if (target != null) {
                target.close();
            }
        }
    }

    private LoadProtocol.Done run(LoadProtocol.Plan p, ScheduleShare share, ClockOffset clock, Target target, Consumer<String> progress)
            throws Exception {
        LoadOperation operation = target.operation();
        LoadPlan plan = new LoadPlan(p.ratePerSecond(), Duration.ofMillis(p.durationMillis()), share.inFlight(p.maxInFlight()),
                Duration.ofMillis(p.requestTimeoutMillis()), Duration.ofMillis(p.rampMillis()));
        long start = System.nanoTime() + (clock.toLocal(p.startEpochNanos()) - LoadProtocol.epochNanos());
        String reports = LoadProtocol.REPORT + "." + share.index();
        // each second's report is encoded and sent off the sender's thread, which only copies the second's histogram
        ExecutorService reporter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "load-worker-reports");
            t.setDaemon(true);
            return t;
        });
        LoadResult result;
        try {
            result = new OpenLoopRunner(operation, progress).run(plan, share, start, second -> {
                org.HdrHistogram.Histogram latencies = second.latencies().copy();
                reporter.execute(() -> nats.publish(reports, LoadProtocol.write(new LoadProtocol.Report(share.index(), second.sample().elapsedSeconds(),
                        second.sample().succeeded(), second.sample().failed(), second.sample().heapUsedBytes(), second.sample().gcCount(),
                        second.sample().gcMillis(), HistogramText.encode(latencies), second.sent(), second.succeeded(), names(second.failures())))));
            });
        } finally {
            reporter.shutdown();
            // every second's report goes out before the result that ends them
            reporter.awaitTermination(10, TimeUnit.SECONDS);
        }
        LoadProtocol.Done done = new LoadProtocol.Done(share.index(), name, result.scheduled(), result.succeeded(), names(result.failures()),
                HistogramText.encode(result.corrected()), HistogramText.encode(result.uncorrected()), HistogramText.encode(result.sendLag()),
                result.elapsedSeconds(), result.maxSendLagMillis(), result.gcCount(), result.gcMillis(), result.steadyCompleted(), result.steadySeconds(),
                target.books());
        nats.publish(LoadProtocol.DONE, LoadProtocol.write(done));
        nats.flush(JOIN_TIMEOUT);
        return done;
    }

    /** What a worker sends ({@link LoadProtocol.Target}), opened: its operation, what its books need, and what to close after. */
    private record Target(LoadOperation operation, ScenarioClient client, AutoCloseable transport) implements AutoCloseable {

        static Target open(LoadProtocol.Target target, ScheduleShare share, Duration timeout) {
            if (target.scenario().equals(Scenarios.NO_OP)) {
                return new Target(NoOpOperation.create(), null, () -> { });
            }
            if (!Scenarios.distributable().contains(target.scenario())) {
                throw new IllegalArgumentException("scenario '" + target.scenario() + "': a worker runs " + Scenarios.NO_OP + " or one of "
                        + String.join(", ", Scenarios.distributable()));
            }
            Transport transport = Transports.byName(target.transport(), new TransportSettings(timeout, TransportSettings.DEFAULT_RESPONDERS,
                    target.serviceUrl()));
            try {
                ScenarioClient client = Scenarios.byName(target.scenario()).distributed().client(target, transport, Codecs.byName(target.codec()),
                        share.index());
                return new Target(client.operation(), client, transport);
            } catch (RuntimeException e) {
                transport.close();
                throw e;
            }
        }

        LoadProtocol.Books books() {
            return client == null ? LoadProtocol.Books.NONE : new LoadProtocol.Books(client.sent(), List.copyOf(client.unanswered()));
        }

        @Override
        public void close() throws Exception {
            try {
                if (client != null) {
                    client.close();
                }
            } finally {
                transport.close();
            }
        }
    }

    static Map<String, Long> names(Map<FailureKind, Long> failures) {
        Map<String, Long> out = new LinkedHashMap<>();
        failures.forEach((kind, count) -> out.put(kind.name(), count));
        return out;
    }

    private byte[] ask(String subject, byte[] body, String what) {
        try {
            Message reply = nats.request(subject, body, JOIN_TIMEOUT);
            if (reply == null) {
                throw new IllegalStateException(name + ": no answer to '" + what + "' from a coordinator at " + nats.getConnectedUrl() + " within "
                        + JOIN_TIMEOUT.toSeconds() + " s");
            }
            return reply.getData();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted", e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(name + ": '" + what + "' to a coordinator at " + nats.getConnectedUrl() + " failed: " + e.getMessage(), e);
        }
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    @Override
    public void close() throws InterruptedException {
        nats.close();
    }
}
