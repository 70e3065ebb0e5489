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
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.EventBatch;
import io.wirebench.schemas.service.IngestAck;
import io.wirebench.schemas.service.OrderStatus;
import io.wirebench.transport.BodyLimit;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcException;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.Transport;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.Transports;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every endpoint of the scenarios' services, over every transport, answers malformed input (garbage,
 * truncated JSON, an empty body, a deeply nested JSON bomb, a message of the wrong type) with an error
 * reply, refuses a body one byte over {@link BodyLimit} before any service buffers it, and goes on serving: after each, a valid order is accepted and a valid batch acknowledged.
 */
class ServiceBadInputTest {
    private static final Codec JSON = Codecs.byName("json");

    static List<byte[]> badInputs(byte[] good) {
        byte[] garbage = new byte[300];
        new Random(5).nextBytes(garbage);
        String text = new String(good, StandardCharsets.UTF_8);
        return List.of(garbage,
                text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8),
                new byte[0],
                ("{\"a\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}").getBytes(StandardCharsets.UTF_8),
                "[1, 2, 3]".getBytes(StandardCharsets.UTF_8));
    }

    /** One byte over the body limit: refused before a service buffers it (413, or by the client against the broker's limit). */
    private static final byte[] OVERSIZED = new byte[(int) BodyLimit.MAX_BYTES + 1];

    private static void assertRefused(RpcClient client, String endpoint, byte[] body) {
        RpcException e = assertThrows(RpcException.class, () -> client.request(endpoint, body), endpoint + " oversized");
        assertTrue(e.kind() == RpcException.Kind.TRANSPORT || e.kind() == RpcException.Kind.REMOTE, endpoint + ": " + e.getMessage());
        assertTrue(e.kind() == RpcException.Kind.TRANSPORT || e.getMessage().contains("413"), endpoint + ": " + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nats", "http", "redis", "rabbitmq"})
    void everyServiceEndpointAnswersBadInputWithAnErrorAndGoesOn(String name) {
        PayloadGenerator generator = new PayloadGenerator(13);
        OrderIds ids = new OrderIds(11);
        byte[] goodOrder = JSON.encode(generator.order(Shape.SMALL));
        EventBatch batch = generator.eventBatch(10);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            try (Transport transport = Transports.byName(name, new TransportSettings(Duration.ofSeconds(3), 2, null))) {
                try (OrderPipeline pipeline = new OrderPipeline(transport, JSON, OrderPipelineSettings.defaults(), StageClock.OFF);
                     RpcClient client = transport.newClient()) {
                    OrderClient orders = new OrderClient(client, JSON, StageClock.OFF);
                    for (String endpoint : List.of(OrderGateway.ENDPOINT, OrderValidationService.ENDPOINT, InventoryService.RESERVE,
                            InventoryService.RELEASE, PaymentService.ENDPOINT, PaymentService.VOID)) {
                        for (byte[] input : badInputs(goodOrder)) {
                            RpcException e = assertThrows(RpcException.class, () -> client.request(endpoint, input), endpoint);
                            assertEquals(RpcException.Kind.REMOTE, e.kind(), endpoint + ": " + e.getMessage());
                            assertEquals(OrderStatus.ACCEPTED, orders.submit(generator.order(Shape.TINY).withId(ids.next())).status(),
                                    "the pipeline still works after bad input to " + endpoint);
                        }
                        assertRefused(client, endpoint, OVERSIZED);
                        assertEquals(OrderStatus.ACCEPTED, orders.submit(generator.order(Shape.TINY).withId(ids.next())).status(),
                                "the pipeline still works after an oversized body to " + endpoint);
                    }
                }
                try (RpcServer server = transport.newServer(); RpcClient client = transport.newClient()) {
                    new AnalyticsService(JSON).register(server);
                    new FileService(JSON).register(server);
                    for (String endpoint : List.of(AnalyticsService.INGEST, AnalyticsService.QUERY, FileService.MANIFEST, FileService.CHUNK,
                            FileService.COMPLETE)) {
                        for (byte[] input : badInputs(JSON.encode(batch))) {
                            RpcException e = assertThrows(RpcException.class, () -> client.request(endpoint, input), endpoint);
                            assertEquals(RpcException.Kind.REMOTE, e.kind(), endpoint + ": " + e.getMessage());
                            IngestAck ack = JSON.decode(client.request(AnalyticsService.INGEST, JSON.encode(batch)), IngestAck.class);
                            assertEquals(batch.batchId(), ack.batchId(), "analytics still works after bad input to " + endpoint);
                        }
                        assertRefused(client, endpoint, OVERSIZED);
                        IngestAck ack = JSON.decode(client.request(AnalyticsService.INGEST, JSON.encode(batch)), IngestAck.class);
                        assertEquals(batch.batchId(), ack.batchId(), "analytics still works after an oversized body to " + endpoint);
                    }
                }
            }
        });
    }
}
