package io.wirebench.e2e.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirebench.e2e.analytics.AnalyticsService;
import io.wirebench.e2e.files.ChunkFaults;
import io.wirebench.e2e.files.FileService;
import io.wirebench.e2e.files.FileUploader;
import io.wirebench.e2e.files.UploadResult;
import io.wirebench.e2e.orders.FailureInjection;
import io.wirebench.e2e.orders.OrderClient;
import io.wirebench.e2e.orders.OrderIds;
import io.wirebench.e2e.orders.OrderPipeline;
import io.wirebench.e2e.orders.OrderPipelineSettings;
import io.wirebench.e2e.stage.Stage;
import io.wirebench.e2e.stage.StageBreakdown;
import io.wirebench.e2e.stage.StageClock;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.FileUpload;
import io.wirebench.schemas.generate.InvalidRule;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.EventBatch;
import io.wirebench.schemas.model.LineItem;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.service.AggregateQuery;
import io.wirebench.schemas.service.AggregateSnapshot;
import io.wirebench.schemas.service.IngestAck;
import io.wirebench.schemas.service.OrderOutcome;
import io.wirebench.schemas.service.OrderStatus;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.Transport;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.Transports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three scenarios' services, over one real transport (its own managed server): the order pipeline
 * charges a valid order once, rejects an invalid one without charging it, retries a declined charge
 * and reports a payment that keeps failing (stock released), never oversells under concurrent orders,
 * and its stage breakdown adds up to the end-to-end time; the analytics service's snapshots are
 * consistent while batches are ingested; the file pipeline recovers corrupted and dropped chunks. Once per
 * transport in the registry with JSON, and over NATS with Kryo (every service message must be registered with it).
 */
@ParameterizedClass(name = "{0} {1}")
@MethodSource("transportsAndCodecs")
class ScenarioContractTest {
    static final Duration LIMIT = Duration.ofSeconds(60);

    @Parameter(0)
    String transportName;

    @Parameter(1)
    String codecName;

    static Codec codec;
    static PayloadGenerator generator;
    static OrderIds ids;
    static Transport transport;

    static Stream<Arguments> transportsAndCodecs() {
        return Stream.concat(Transports.names().stream().map(name -> Arguments.of(name, "json")), Stream.of(Arguments.of("nats", "kryo")));
    }

    @BeforeParameterizedClassInvocation
    static void start(String transportName, String codecName) {
        codec = Codecs.byName(codecName);
        generator = new PayloadGenerator(21);
        ids = new OrderIds(7);
        transport = Transports.byName(transportName, new TransportSettings(Duration.ofSeconds(5), 8, null));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (transport != null) {
            transport.close();
        }
        transport = null;
    }

    private Order freshOrder(Shape shape) {
        return generator.order(shape).withId(ids.next());
    }

    @Test
    void aValidOrderIsChargedOnceAndItsStockTaken() {
        try (OrderPipeline pipeline = new OrderPipeline(transport, codec, OrderPipelineSettings.defaults().withInitialStock(1_000_000), StageClock.OFF);
             RpcClient client = transport.newClient()) {
            Order order = freshOrder(Shape.SMALL);
            OrderOutcome outcome = new OrderClient(client, codec, StageClock.OFF).submit(order);
            assertEquals(OrderStatus.ACCEPTED, outcome.status(), outcome.toString());
            assertEquals(1, outcome.paymentAttempts());
            assertTrue(pipeline.ledger().isCharged(order.id()));
            assertEquals(1, pipeline.ledger().charged());
            assertEquals(order.totalMinor(), pipeline.ledger().chargedMinor());
            for (LineItem item : order.items()) {
                long taken = order.items().stream().filter(i -> i.sku().equals(item.sku())).mapToLong(LineItem::quantity).sum();
                assertEquals(1_000_000 - taken, pipeline.inventory().available(item.sku()), item.sku());
            }
            OrderOutcome again = new OrderClient(client, codec, StageClock.OFF).submit(order);
            assertEquals(OrderStatus.ACCEPTED, again.status());
            assertEquals(outcome.chargeId(), again.chargeId(), "the same order id is not charged a second time");
            assertEquals(1, pipeline.ledger().charged());
            assertEquals(order.totalMinor(), pipeline.ledger().chargedMinor());
        }
    }

    @Test
    void anInvalidOrderIsRejectedWithItsViolationsAndNeverCharged() {
        try (OrderPipeline pipeline = new OrderPipeline(transport, codec, OrderPipelineSettings.defaults().withInitialStock(100), StageClock.OFF);
             RpcClient client = transport.newClient()) {
            for (InvalidRule rule : List.of(InvalidRule.NEGATIVE_QUANTITY, InvalidRule.TOTAL_MISMATCH, InvalidRule.EXPIRED_CARD)) {
                Order order = generator.order(Shape.SMALL, rule).withId(ids.next());
                OrderOutcome outcome = new OrderClient(client, codec, StageClock.OFF).submit(order);
                assertEquals(OrderStatus.REJECTED, outcome.status(), rule + ": " + outcome);
                assertTrue(outcome.violations().stream().anyMatch(v -> v.startsWith(rule.pointer())),
                        rule + " should be reported at " + rule.pointer() + ": " + outcome.violations());
                assertFalse(pipeline.ledger().isCharged(order.id()));
                assertEquals(100, pipeline.inventory().available(order.items().get(1).sku()), "no stock taken for " + rule);
            }
            assertEquals(0, pipeline.ledger().charged());
            assertEquals(0, pipeline.ledger().declined(), "an invalid order never reaches the payment service");
        }
    }

    @Test
    void aDeclinedChargeIsRetriedAndSucceeds() {
        FailureInjection half = new FailureInjection(0.5, 3);
        Order order = null;
        for (int i = 0; i < 1_000 && order == null; i++) {
            Order candidate = freshOrder(Shape.TINY);
            if (half.fails(candidate.id(), 1) && !half.fails(candidate.id(), 2)) {
                order = candidate;
            }
        }
        OrderPipelineSettings settings = new OrderPipelineSettings(half, io.wirebench.e2e.orders.RetryPolicy.DEFAULT, 1_000);
        StageClock stages = new StageClock();
        try (OrderPipeline pipeline = new OrderPipeline(transport, codec, settings, stages); RpcClient client = transport.newClient()) {
            OrderOutcome outcome = new OrderClient(client, codec, stages).submit(order);
            assertEquals(OrderStatus.ACCEPTED, outcome.status(), outcome.toString());
            assertEquals(2, outcome.paymentAttempts());
            assertEquals(1, pipeline.gateway().retries());
            assertEquals(1, pipeline.ledger().declined());
            assertEquals(1, pipeline.ledger().charged());
            assertTrue(stages.snapshot().micros(Stage.BACKOFF) >= 1_000 * 0.9, "the 1 ms backoff is its own stage");
        }
    }

    @Test
    void aPaymentThatKeepsFailingIsReportedAndItsStockReleased() {
        OrderPipelineSettings settings = OrderPipelineSettings.defaults().withFailureRate(1.0).withInitialStock(500);
        try (OrderPipeline pipeline = new OrderPipeline(transport, codec, settings, StageClock.OFF); RpcClient client = transport.newClient()) {
            Order order = freshOrder(Shape.SMALL);
            OrderOutcome outcome = new OrderClient(client, codec, StageClock.OFF).submit(order);
            assertEquals(OrderStatus.PAYMENT_FAILED, outcome.status(), outcome.toString());
            assertEquals(3, outcome.paymentAttempts());
            assertNull(outcome.chargeId());
            assertEquals(2, pipeline.gateway().retries());
            assertEquals(3, pipeline.ledger().declined());
            assertFalse(pipeline.ledger().isCharged(order.id()));
            for (LineItem item : order.items()) {
                assertEquals(500, pipeline.inventory().available(item.sku()), "stock of " + item.sku() + " released");
            }
        }
    }

    @Test
    void concurrentOrdersForTheLastUnitsNeverOversell() throws Exception {
        Order template = generator.order(Shape.TINY);
        LineItem only = template.items().get(0);
        int units = 5;
        int callers = 16;
        try (OrderPipeline pipeline = new OrderPipeline(transport, codec, OrderPipelineSettings.defaults(), StageClock.OFF);
             RpcClient client = transport.newClient()) {
            pipeline.inventory().set(only.sku(), (long) units * only.quantity());
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<OrderOutcome>> outcomes = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    Order order = template.withId(ids.next());
                    outcomes.add(pool.submit(() -> {
                        go.await();
                        return new OrderClient(client, codec, StageClock.OFF).submit(order);
                    }));
                }
                go.countDown();
                int accepted = 0;
                int outOfStock = 0;
                for (Future<OrderOutcome> outcome : outcomes) {
                    OrderStatus status = outcome.get(LIMIT.toSeconds(), TimeUnit.SECONDS).status();
                    accepted += status == OrderStatus.ACCEPTED ? 1 : 0;
                    outOfStock += status == OrderStatus.OUT_OF_STOCK ? 1 : 0;
                }
                assertEquals(units, accepted, "exactly the units in stock are sold");
                assertEquals(callers - units, outOfStock);
                assertEquals(0, pipeline.inventory().available(only.sku()));
                assertEquals(units, pipeline.ledger().charged());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void theStageBreakdownAddsUpToTheEndToEndTime() {
        StageClock stages = new StageClock();
        try (OrderPipeline pipeline = new OrderPipeline(transport, codec, OrderPipelineSettings.defaults(), stages);
             RpcClient client = transport.newClient()) {
            OrderClient caller = new OrderClient(client, codec, stages);
            for (int i = 0; i < 50; i++) {
                assertEquals(OrderStatus.ACCEPTED, caller.submit(freshOrder(Shape.MEDIUM)).status());
            }
            StageBreakdown breakdown = stages.snapshot();
            assertEquals(50, breakdown.requests());
            for (Stage stage : List.of(Stage.DECODE, Stage.VALIDATE, Stage.RESERVE, Stage.CHARGE, Stage.ENCODE, Stage.TRANSPORT)) {
                assertTrue(breakdown.micros(stage) > 0, stage + " took no time: " + breakdown);
            }
            assertEquals(0.0, breakdown.micros(Stage.BACKOFF), "no retries without injected failures");
            double timed = breakdown.sumMicros() - breakdown.micros(Stage.TRANSPORT);
            assertTrue(timed < breakdown.endToEndMicros(), "timed stages " + timed + " within end-to-end " + breakdown.endToEndMicros());
            assertEquals(breakdown.endToEndMicros(), breakdown.sumMicros(), breakdown.endToEndMicros() * 1e-9);
        }
    }

    @Test
    void analyticsSnapshotsAreConsistentWhileBatchesArrive() {
        int batchSize = 100;
        int batches = 60;
        List<EventBatch> toSend = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            toSend.add(generator.eventBatch(batchSize));
        }
        long expectedValue = toSend.stream().flatMap(b -> b.events().stream()).mapToLong(e -> e.value()).sum();
        assertTimeoutPreemptively(LIMIT, () -> {
            try (RpcServer server = transport.newServer(); RpcClient client = transport.newClient()) {
                AnalyticsService service = new AnalyticsService(codec);
                service.register(server);
                AtomicBoolean writing = new AtomicBoolean(true);
                ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
                int[] reads = new int[1];
                Thread reader = new Thread(() -> {
                    long lastBatches = -1;
                    while (writing.get() || reads[0] == 0) {
                        AggregateSnapshot s = codec.decode(client.request(AnalyticsService.QUERY, codec.encode(new AggregateQuery(""))),
                                AggregateSnapshot.class);
                        reads[0]++;
                        long byKey = s.eventsByKey().values().stream().mapToLong(Long::longValue).sum();
                        long valueByKey = s.valueByKey().values().stream().mapToLong(Long::longValue).sum();
                        if (byKey != s.events() || valueByKey != s.valueSum() || s.events() != s.batches() * batchSize
                                || s.batches() < lastBatches) {
                            problems.add("inconsistent snapshot: " + s.batches() + " batches, " + s.events() + " events, "
                                    + byKey + " by key, value " + s.valueSum() + " vs " + valueByKey + " by key");
                        }
                        lastBatches = s.batches();
                    }
                });
                reader.start();
                List<java.util.concurrent.CompletableFuture<byte[]>> acks = new ArrayList<>();
                for (EventBatch batch : toSend) {
                    acks.add(client.requestAsync(AnalyticsService.INGEST, codec.encode(batch)));
                }
                for (int i = 0; i < acks.size(); i++) {
                    IngestAck ack = codec.decode(acks.get(i).get(30, TimeUnit.SECONDS), IngestAck.class);
                    assertEquals(toSend.get(i).batchId(), ack.batchId());
                    assertEquals(batchSize, ack.events());
                }
                writing.set(false);
                reader.join(LIMIT.toMillis());
                assertTrue(problems.isEmpty(), String.join("\n", problems));
                assertTrue(reads[0] > 0);
                AggregateSnapshot end = codec.decode(client.request(AnalyticsService.QUERY, codec.encode(new AggregateQuery(""))),
                        AggregateSnapshot.class);
                assertEquals(batches, end.batches());
                assertEquals((long) batches * batchSize, end.events());
                assertEquals(expectedValue, end.valueSum());
                AggregateSnapshot clicks = codec.decode(client.request(AnalyticsService.QUERY, codec.encode(new AggregateQuery("click:"))),
                        AggregateSnapshot.class);
                assertFalse(clicks.eventsByKey().isEmpty());
                assertTrue(clicks.eventsByKey().keySet().stream().allMatch(k -> k.startsWith("click:")));
            }
        });
    }

    @Test
    void theFilePipelineRecoversCorruptedAndDroppedChunks() {
        FileUpload upload = generator.fileUpload(10 * 64 * 1024 + 123, 64 * 1024);
        assertTimeoutPreemptively(LIMIT, () -> {
            try (RpcServer server = transport.newServer(); RpcClient client = transport.newClient()) {
                FileService service = new FileService(codec);
                service.register(server);
                UploadResult clean = new FileUploader(client, codec, ChunkFaults.NONE).upload(upload);
                assertTrue(clean.summary().complete());
                assertEquals(0, clean.recoveries());
                assertEquals(upload.manifest().sha256(), clean.summary().sha256());

                FileUpload second = generator.fileUpload(10 * 64 * 1024 + 123, 64 * 1024);
                UploadResult recovered = new FileUploader(client, codec, ChunkFaults.firstSend(Set.of(3, 10), Set.of(5))).upload(second);
                assertTrue(recovered.summary().complete());
                assertEquals(second.manifest().sha256(), recovered.summary().sha256(), "reassembled file equals the original");
                assertEquals(second.manifest().totalBytes(), recovered.summary().bytes());
                assertEquals(3, recovered.recoveries(), "two corrupted chunks re-sent at once, one dropped chunk re-sent at completion");
                assertEquals(14, recovered.chunkSends());
                assertTrue(recovered.summary().transformedBytes() > 0);
                assertEquals(0, service.inProgress(), "finished uploads hold no chunks");
            }
        });
    }

    @Test
    void aChunkThatNeverArrivesIntactFailsTheUploadWithItsReason() {
        FileUpload upload = generator.fileUpload(3 * 1024, 1024);
        try (RpcServer server = transport.newServer(); RpcClient client = transport.newClient()) {
            new FileService(codec).register(server);
            ChunkFaults alwaysCorrupt = (index, send) -> index == 1 ? ChunkFaults.Fate.CORRUPT : ChunkFaults.Fate.DELIVER;
            RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                    () -> new FileUploader(client, codec, alwaysCorrupt).upload(upload));
            assertTrue(e.getMessage().contains("chunk 1 still not accepted after " + FileUploader.MAX_SENDS + " sends"), e.getMessage());
        }
    }

}
