package io.wirebench.e2e.load;

import io.wirebench.e2e.analytics.AnalyticsService;
import io.wirebench.e2e.faults.ServiceDelays;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.service.AggregateQuery;
import io.wirebench.schemas.service.AggregateSnapshot;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcException;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.Transport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * The analytics scenario's service side under load: the aggregation service on a transport's server, and
 * {@code concurrentReads} readers querying every key's aggregates back to back (closed loop, their own latency
 * histogram) while batches arrive, each snapshot checked to hold whole batches only. The books: every batch
 * the callers sent aggregated whole, no inconsistent snapshot.
 */
public final class AnalyticsServiceSide implements ServiceSide {
    private final LoadConfig.Analytics config;
    private final Codec codec;
    private final ServiceDelays delays = new ServiceDelays();
    private final RpcServer server;
    private final AnalyticsService service;
    private final RpcClient client;
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final List<Thread> readers = new ArrayList<>();
    private final Recorder readLatency = new Recorder(TimeUnit.MINUTES.toNanos(1), 3);
    private final LongAdder reads = new LongAdder();
    private final LongAdder readFailures = new LongAdder();
    private final LongAdder inconsistent = new LongAdder();

    public AnalyticsServiceSide(LoadConfig.Analytics config, Transport transport, Codec codec) {
        this.config = config;
        this.codec = codec;
        this.server = delays.wrap(transport.newServer());
        this.service = new AnalyticsService(codec);
        service.register(server);
        this.client = transport.newClient();
    }

    /**
     * After the callers' check before timing ({@code batches} of them): the aggregates must hold exactly those, then start
     * from zero, and the readers start.
     */
    /** The readers start, over the batches each caller cycles through. */
    @Override
    public void readyForTiming() {
        startReading(AnalyticsClient.BATCHES);
    }

    public void startReading(long batches) {
        AggregateSnapshot before = query();
        if (before.events() != batches * config.batchSize()) {
            throw new IllegalStateException("analytics: " + before.events() + " events aggregated before the run, expected "
                    + batches * config.batchSize() + "; nothing is measured");
        }
        service.aggregator().clear();
        byte[] query = codec.encode(new AggregateQuery(""));
        for (int r = 0; r < config.concurrentReads(); r++) {
            Thread reader = new Thread(() -> read(query), "analytics-reader-" + r);
            reader.setDaemon(true);
            reader.start();
            readers.add(reader);
        }
    }

    private AggregateSnapshot query() {
        return codec.decode(client.request(AnalyticsService.QUERY, codec.encode(new AggregateQuery(""))), AggregateSnapshot.class);
    }

    private void read(byte[] query) {
        while (reading.get()) {
            long start = System.nanoTime();
            try {
                AggregateSnapshot s = codec.decode(client.request(AnalyticsService.QUERY, query), AggregateSnapshot.class);
                readLatency.recordValue(Math.min(System.nanoTime() - start, TimeUnit.MINUTES.toNanos(1)));
                reads.increment();
                if (s.events() != s.batches() * config.batchSize()) {
                    inconsistent.increment();
                }
            } catch (RpcException e) {
                readFailures.increment();
            }
        }
    }

    @Override
    public ServiceDelays delays() {
        return delays;
    }

    @Override
    public Map<String, Object> accounting(long sent, Set<String> unanswered) {
        stopReaders();
        AggregateSnapshot end = query();
        Map<String, Object> books = new LinkedHashMap<>();
        books.put("batchSize", config.batchSize());
        books.put("batchesSent", sent);
        books.put("batchesAggregated", end.batches());
        books.put("eventsAggregated", end.events());
        books.put("readers", config.concurrentReads());
        books.put("reads", reads.sum());
        books.put("readFailures", readFailures.sum());
        var h = readLatency.getIntervalHistogram();
        books.put("readP50Micros", h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(50) / 1e3);
        books.put("readP99Micros", h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(99) / 1e3);
        books.put("inconsistentSnapshots", inconsistent.sum());
        // a batch sent may be lost (its request failed) but never aggregated twice or in part
        books.put("booksBalance", inconsistent.sum() == 0 && end.events() == end.batches() * config.batchSize() && end.batches() <= sent);
        return books;
    }

    private void stopReaders() {
        reading.set(false);
        for (Thread reader : readers) {
            try {
                reader.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        stopReaders();
        try {
            client.close();
        } finally {
            server.close();
        }
    }
}
