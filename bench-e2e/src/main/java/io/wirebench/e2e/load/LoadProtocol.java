package io.wirebench.e2e.load;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The messages a distributed load run's coordinator and workers exchange over NATS (the control plane: a
 * real nats-server, the run's own or one given), as JSON, and their subjects. In order:
 * <ol>
 *   <li>a worker asks to {@link #JOIN} ({@link Join}); the coordinator answers with its index
 *       ({@link Welcome}), or refuses it when the run has all its workers;</li>
 *   <li>the worker measures its clock's offset from the coordinator's with a few {@link #CLOCK} requests
 *       (NTP's way: the coordinator's time against the midpoint of the worker's send and receive) and says
 *       it is {@link #READY} with the offset;</li>
 *   <li>the coordinator publishes the {@link Plan} on {@link #PLAN}: the schedule, each worker's share
 *       (by index) and the start instant on the coordinator's clock;</li>
 *   <li>each worker sends a {@link Report} on {@link #REPORT} every second (that second's histogram) and a
 *       {@link Done} on {@link #DONE} at its end (its whole result's histograms and counts);</li>
 *   <li>another plan (a knee search's next step), or one whose target is {@link Target#END}: the run is over.</li>
 * </ol>
 */
final class LoadProtocol {
    static final String JOIN = "wirebench.load.join";
    static final String CLOCK = "wirebench.load.clock";
    static final String READY = "wirebench.load.ready";
    static final String PLAN = "wirebench.load.plan";
    static final String REPORT = "wirebench.load.report";
    static final String DONE = "wirebench.load.done";

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private LoadProtocol() {
    }

    record Join(String name, String host, long pid) {
    }

    /** {@code index} below 0: refused, with the reason. */
    record Welcome(int index, int of, String refused) {
    }

    record ClockReading(long coordinatorEpochNanos) {
    }

    record Ready(int index, String name, double clockOffsetMillis, double clockRoundTripMillis) {
    }

    /**
     * The schedule (as {@link LoadPlan}: rate, steady duration, users, timeout, ramp), what the workers send
     * ({@link Target}), how many workers share it, and when it starts, on the coordinator's clock (ns since the epoch).
     */
    record Plan(Target target, double ratePerSecond, long durationMillis, int maxInFlight, long requestTimeoutMillis, long rampMillis,
                int workers, long startEpochNanos) {
    }

    /**
     * What a worker sends: {@code noop} (a no-op service, the generators' own ceiling), {@code ecommerce} (orders of
     * {@code shape} to the order pipeline's gateway; worker k's order ids carry the prefix of run {@code idsBase + k})
     * or {@code analytics} (batches of {@code batchSize} events to the aggregation service), over {@code transport} at
     * {@code serviceUrl}, encoded with {@code codec}.
     */
    record Target(String scenario, String transport, String serviceUrl, String codec, String shape, long idsBase, int batchSize) {
        /** The scenario of the last plan, which ends the run: the workers stop waiting for another. */
        static final String END = "end";

        static Target noop() {
            return new Target("noop", null, null, null, null, 0, 0);
        }

        static Target end() {
            return new Target(END, null, null, null, null, 0, 0);
        }
    }

    /**
     * One second of a worker's run: that second's figures and the latencies of its successes, then the worker's
     * run so far (requests sent, succeeded, failed by kind), which is what counts if the worker is lost.
     */
    record Report(int index, double elapsedSeconds, long secondSucceeded, long secondFailed, long heapUsedBytes, long gcCount, long gcMillis,
                  String latencies, long sent, long succeeded, Map<String, Long> failures) {
    }

    /** A worker's whole result: its share's counts, failures by kind, and its histograms (ns). */
    record Done(int index, String name, long scheduled, long succeeded, Map<String, Long> failures, String corrected, String uncorrected,
                String sendLag, double elapsedSeconds, double maxSendLagMillis, long gcCount, long gcMillis, long steadyCompleted,
                double steadySeconds, Books books) {
    }

    /** What a worker's callers know that the scenario's books need: operations sent, and (ecommerce) the orders never answered. */
    record Books(long sent, List<String> unanswered) {
        static final Books NONE = new Books(0, List.of());
    }

    /** Now, on this machine's clock, in ns since the epoch (microsecond resolution where the JVM has it). */
    static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    static byte[] write(Object message) {
        try {
            return JSON.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(byte[] data, Class<T> type) {
        try {
            return JSON.readValue(data, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("a " + type.getSimpleName() + " message that does not parse: " + e.getMessage(), e);
        }
    }
}
