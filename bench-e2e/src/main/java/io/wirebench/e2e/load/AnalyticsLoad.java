package io.wirebench.e2e.load;

import io.wirebench.e2e.faults.ServiceDelays;
import io.wirebench.e2e.analytics.AnalyticsService;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.model.EventBatch;
import io.wirebench.schemas.service.AggregateQuery;
import io.wirebench.schemas.service.AggregateSnapshot;
import io.wirebench.schemas.service.IngestAck;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcException;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.Transport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * The real-time analytics scenario under load: each operation is a batch of {@code batch_size} events
 * (one of 16 pre-generated) sent to the aggregation service, at {@code event_rate / batch_size} batches
 * per second; its acknowledgement must name the batch. Meanwhile {@code concurrent_reads} readers query
 * every key's aggregates back to back (closed loop, their own latency histogram) and check each snapshot
 * holds whole batches only. The books: inconsistent snapshots must be zero.
 */
public final class AnalyticsLoad implements LoadScenario {
    private static final int BATCHES = 16;

    private final LoadConfig.Analytics config;
    private final RpcServer server;
    private final ServiceDelays delays = new ServiceDelays();
    private final RpcClient client;
    private final Codec codec;
    private final AnalyticsService service;
    private final EventBatch[] batches;
    private final byte[][] requests;
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final List<Thread> readers = new ArrayList<>();
    private final Recorder readLatency = new Recorder(TimeUnit.MINUTES.toNanos(1), 3);
    private final LongAdder reads = new LongAdder();
    private final LongAdder readFailures = new LongAdder();
    private final LongAdder inconsistent = new LongAdder();

    public AnalyticsLoad(LoadConfig.Analytics config, Transport transport, Codec codec) {
        this.config = config;
        this.codec = codec;
        PayloadGenerator generator = new PayloadGenerator(PayloadGenerator.DEFAULT_SEED);
        batches = new EventBatch[BATCHES];
        requests = new byte[BATCHES][];
        for (int i = 0; i < BATCHES; i++) {
            batches[i] = generator.eventBatch(config.batchSize());
            requests[i] = codec.encode(batches[i]);
        }
        server = delays.wrap(transport.newServer());
        service = new AnalyticsService(codec);
        service.register(server);
        client = transport.newClient();
        for (int i = 0; i < BATCHES; i++) {
            operation().start(i).join();
        }
        AggregateSnapshot before = query();
        if (before.events() != (long) BATCHES * config.batchSize()) {
            close();
            throw new IllegalStateException("analytics: " + before.events() + " events aggregated before the run, expected "
                    + BATCHES * config.batchSize() + "; nothing is measured");
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
    public String name() {
        return "analytics";
    }

    @Override
    public double configuredRate() {
        return config.eventRate() / config.batchSize();
    }

    @Override
    public String unit() {
        return "batches of " + config.batchSize() + " events";
    }

    @Override
    public LoadOperation operation() {
        return index -> {
            int i = (int) (index % BATCHES);
            return client.requestAsync(AnalyticsService.INGEST, requests[i]).thenApply(reply -> {
                IngestAck ack = codec.decode(reply, IngestAck.class);
                if (!ack.batchId().equals(batches[i].batchId()) || ack.events() != config.batchSize()) {
                    throw new LoadFailure(FailureKind.WRONG_REPLY, "acknowledgement " + ack + " for batch " + batches[i].batchId());
                }
                return ack;
            });
        };
    }

    @Override
    public Map<String, Object> accounting() {
        stopReaders();
        AggregateSnapshot end = query();
        Map<String, Object> books = new LinkedHashMap<>();
        books.put("batchSize", config.batchSize());
        books.put("batchesAggregated", end.batches());
        books.put("eventsAggregated", end.events());
        books.put("readers", config.concurrentReads());
        books.put("reads", reads.sum());
        books.put("readFailures", readFailures.sum());
        var h = readLatency.getIntervalHistogram();
        books.put("readP50Micros", h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(50) / 1e3);
        books.put("readP99Micros", h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(99) / 1e3);
        books.put("inconsistentSnapshots", inconsistent.sum());
        books.put("booksBalance", inconsistent.sum() == 0 && end.events() == end.batches() * config.batchSize());
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
    public ServiceDelays delays() {
        return delays;
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
