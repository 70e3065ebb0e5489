package io.wirebench.e2e;

import io.wirebench.bench.Cursor;
import io.wirebench.e2e.analytics.AnalyticsService;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.model.EventBatch;
import io.wirebench.schemas.service.AggregateQuery;
import io.wirebench.schemas.service.AggregateSnapshot;
import io.wirebench.schemas.service.IngestAck;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.Transport;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Real-time analytics: callers send {@link EventBatch}es of {@code batchSize} events (1, 100, 1,000) to
 * the analytics service, which adds each batch to its per-key and per-window aggregates and acknowledges
 * it; the caller checks the acknowledgement is its batch's.
 *
 * <ul>
 *   <li>{@code ingestLatency}: {@code sample} mode, µs per batch.</li>
 *   <li>{@code ingest}: batches per second at {@code -t 1, 4, 16}; secondary metric {@code events}
 *       (events per second).</li>
 *   <li>{@code mixed}: three writers and one reader per group: {@code mixedIngest} as above while
 *       {@code mixedQuery} reads a snapshot of every key's aggregates; each snapshot is checked to hold
 *       whole batches only.</li>
 * </ul>
 * The aggregates are cleared at each iteration.
 *
 * <p>Inside the timed region: encoding a pre-generated batch, its trip to the analytics service and the
 * aggregation there, the acknowledgement back and its check ({@code mixedQuery}: a snapshot request and its
 * check). Outside: generating the batches (once per trial), starting the service, clearing the aggregates.
 */
public class AnalyticsBenchmark extends AbstractE2eBenchmark {
    static final int BATCHES = 16;

    @Param({"nats", "http", "redis", "rabbitmq", "grpc"})
    public String transport;

    @Param({"1", "100", "1000"})
    public int batchSize;

    @Param({"json"})
    public String codec;

    private Transport impl;
    private RpcServer server;
    private RpcClient client;
    private Codec codecImpl;
    private AnalyticsService service;
    private EventBatch[] batches;
    private byte[][] requests;
    private byte[] query;

    @Setup(Level.Trial)
    public void start() {
        codecImpl = Codecs.byName(codec);
        PayloadGenerator generator = new PayloadGenerator(PayloadGenerator.DEFAULT_SEED);
        batches = new EventBatch[BATCHES];
        requests = new byte[BATCHES][];
        for (int i = 0; i < BATCHES; i++) {
            batches[i] = generator.eventBatch(batchSize);
            requests[i] = codecImpl.encode(batches[i]);
        }
        query = codecImpl.encode(new AggregateQuery(""));
        impl = ScenarioTrial.start(transport);
        server = impl.newServer();
        service = new AnalyticsService(codecImpl);
        service.register(server);
        client = impl.newClient();
        for (int i = 0; i < BATCHES; i++) {
            send(i);
        }
        AggregateSnapshot snapshot = codecImpl.decode(client.request(AnalyticsService.QUERY, query), AggregateSnapshot.class);
        if (snapshot.events() != (long) BATCHES * batchSize) {
            throw new IllegalStateException(transport + ": " + snapshot.events() + " events aggregated, expected "
                    + BATCHES * batchSize + "; no number is measured");
        }
    }

    @Setup(Level.Iteration)
    public void clear() {
        service.aggregator().clear();
    }

    @TearDown(Level.Trial)
    public void stop() {
        ScenarioTrial.stop(client, server, impl);
    }

    private IngestAck send(int i) {
        IngestAck ack = codecImpl.decode(client.request(AnalyticsService.INGEST, requests[i]), IngestAck.class);
        if (!ack.batchId().equals(batches[i].batchId()) || ack.events() != batchSize) {
            throw new IllegalStateException(transport + ": acknowledgement " + ack + " is not for batch " + batches[i].batchId());
        }
        return ack;
    }


    /** Events ingested, reported by JMH as events per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Events {
        public long events;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public IngestAck ingestLatency(Cursor cursor) {
        return send(cursor.next(BATCHES));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public IngestAck ingest(Cursor cursor, Events events) {
        IngestAck ack = send(cursor.next(BATCHES));
        events.events += ack.events();
        return ack;
    }

    @Benchmark
    @Group("mixed")
    @GroupThreads(3)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public IngestAck mixedIngest(Cursor cursor, Events events) {
        return ingest(cursor, events);
    }

    @Benchmark
    @Group("mixed")
    @GroupThreads(1)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public AggregateSnapshot mixedQuery() {
        AggregateSnapshot snapshot = codecImpl.decode(client.request(AnalyticsService.QUERY, query), AggregateSnapshot.class);
        if (snapshot.events() != snapshot.batches() * batchSize) {
            throw new IllegalStateException(transport + ": inconsistent snapshot: " + snapshot.batches() + " batches but "
                    + snapshot.events() + " events");
        }
        return snapshot;
    }
}
