package io.wirebench.e2e.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirebench.e2e.analytics.AnalyticsService;
import io.wirebench.e2e.files.FileService;
import io.wirebench.e2e.orders.InventoryService;
import io.wirebench.e2e.orders.OrderClient;
import io.wirebench.e2e.orders.OrderGateway;
import io.wirebench.e2e.orders.OrderIds;
import io.wirebench.e2e.orders.OrderPipeline;
import io.wirebench.e2e.orders.OrderPipelineSettings;
import io.wirebench.e2e.orders.OrderValidationService;
import io.wirebench.e2e.orders.PaymentService;
import io.wirebench.e2e.stage.StageClock;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.CraftedPayloads;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.EventBatch;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.service.IngestAck;
import io.wirebench.schemas.service.OrderStatus;
import io.wirebench.transport.access.BodyLimit;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcException;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.SharedTransports;
import io.wirebench.transport.Transport;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.Transports;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint of the scenarios' services, over every transport and with every codec, answers malformed
 * input with an error reply (REMOTE, whatever the failure's text: Kryo's messages span lines, which once made
 * NATS error replies vanish) and goes on serving: garbage, a truncated message, an empty body, nesting past
 * the decoders' bounds, and per codec a 400-digit number, invalid UTF-8, a wrong JSON type, lists nested
 * 2,000 deep and a list claiming 2^31-1 elements ({@link CraftedPayloads#badInputs}). A body one byte over
 * {@link BodyLimit} is refused before any service buffers it. After each, a valid order is accepted and a
 * valid batch acknowledged.
 */
class ServiceBadInputTest {

    /** A managed broker boots once for the class (RabbitMQ takes seconds); each case its own services and client. */
    private static final SharedTransports TRANSPORTS = new SharedTransports(new TransportSettings(Duration.ofSeconds(3), 2, null));

    @org.junit.jupiter.api.AfterAll
    static void closeTransports() {
        TRANSPORTS.close();
    }

    static Stream<Arguments> transportsAndCodecs() {
        return Transports.names().stream().flatMap(t -> Stream.of("json", "smile", "kryo").map(c -> Arguments.of(t, c)));
    }

    /** An error reply says what went wrong on one line: no CR or LF, and more than a bare status. */
    private static void assertReadable(RpcException e, String what) {
        String message = e.getMessage();
        assertTrue(message != null && message.indexOf('\n') < 0 && message.indexOf('\r') < 0, what + ": " + message);
        assertTrue(message.length() > 20, what + ": " + message);
    }

    /** One byte over the body limit: refused before a service buffers it (413, or by the client against the broker's limit). */
    private static final byte[] OVERSIZED = new byte[(int) BodyLimit.MAX_BYTES + 1];

    private static void assertRefused(RpcClient client, String endpoint, byte[] body) {
        RpcException e = assertThrows(RpcException.class, () -> client.request(endpoint, body), endpoint + " oversized");
        assertTrue(e.kind() == RpcException.Kind.TRANSPORT || e.kind() == RpcException.Kind.REMOTE, endpoint + ": " + e.getMessage());
        assertTrue(e.kind() == RpcException.Kind.TRANSPORT || e.getMessage().contains("413"), endpoint + ": " + e.getMessage());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transportsAndCodecs")
    void everyServiceEndpointAnswersBadInputWithAnErrorAndGoesOn(String name, String codecName) {
        Codec codec = Codecs.byName(codecName);
        PayloadGenerator generator = new PayloadGenerator(13);
        OrderIds ids = new OrderIds(11);
        byte[] goodOrder = codec.encode(generator.order(Shape.SMALL));
        EventBatch batch = generator.eventBatch(10);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Transport transport = TRANSPORTS.get(name);
            try (OrderPipeline pipeline = new OrderPipeline(transport, codec, OrderPipelineSettings.defaults(), StageClock.OFF);
                 RpcClient client = transport.newClient()) {
                OrderClient orders = new OrderClient(client, codec, StageClock.OFF);
                for (String endpoint : List.of(OrderGateway.ENDPOINT, OrderValidationService.ENDPOINT, InventoryService.RESERVE,
                        InventoryService.RELEASE, PaymentService.ENDPOINT, PaymentService.VOID)) {
                    for (CraftedPayloads.Crafted input : CraftedPayloads.badInputs(codecName, goodOrder, Order.class)) {
                        String what = endpoint + ", " + input.name();
                        RpcException e = assertThrows(RpcException.class, () -> client.request(endpoint, input.bytes()), what);
                        assertEquals(RpcException.Kind.REMOTE, e.kind(), what + ": " + e.getMessage());
                        assertReadable(e, what);
                        assertEquals(OrderStatus.ACCEPTED, orders.submit(generator.order(Shape.TINY).withId(ids.next())).status(),
                                "the pipeline still works after bad input to " + endpoint);
                    }
                    assertRefused(client, endpoint, OVERSIZED);
                    assertEquals(OrderStatus.ACCEPTED, orders.submit(generator.order(Shape.TINY).withId(ids.next())).status(),
                            "the pipeline still works after an oversized body to " + endpoint);
                }
            }
            try (RpcServer server = transport.newServer(); RpcClient client = transport.newClient()) {
                new AnalyticsService(codec).register(server);
                new FileService(codec).register(server);
                for (String endpoint : List.of(AnalyticsService.INGEST, AnalyticsService.QUERY, FileService.MANIFEST, FileService.CHUNK,
                        FileService.COMPLETE)) {
                    for (CraftedPayloads.Crafted input : CraftedPayloads.badInputs(codecName, codec.encode(batch), EventBatch.class)) {
                        String what = endpoint + ", " + input.name();
                        RpcException e = assertThrows(RpcException.class, () -> client.request(endpoint, input.bytes()), what);
                        assertEquals(RpcException.Kind.REMOTE, e.kind(), what + ": " + e.getMessage());
                        assertReadable(e, what);
                        IngestAck ack = codec.decode(client.request(AnalyticsService.INGEST, codec.encode(batch)), IngestAck.class);
                        assertEquals(batch.batchId(), ack.batchId(), "analytics still works after bad input to " + endpoint);
                    }
                    assertRefused(client, endpoint, OVERSIZED);
                    IngestAck ack = codec.decode(client.request(AnalyticsService.INGEST, codec.encode(batch)), IngestAck.class);
                    assertEquals(batch.batchId(), ack.batchId(), "analytics still works after an oversized body to " + endpoint);
                }
            }
        });
    }
}
