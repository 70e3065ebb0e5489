package io.wirebench.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.model.OrderReceipt;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The orders endpoint, over every transport, answers malformed input with an error reply and goes on
 * serving: garbage, truncated JSON, wrong types, unknown fields (rejected: a documented choice), deeply
 * nested JSON, and an oversized body (HTTP: 413 before the body is read; NATS: refused by the client
 * against the server's max_payload; Redis and RabbitMQ: refused by the client against {@link BodyLimit},
 * which the managed brokers enforce too). After each, a valid order works.
 */
class BadInputTest {
    private static final Codec JSON = Codecs.byName("json");

    @ParameterizedTest
    @ValueSource(strings = {"nats", "http", "http-jdk", "redis", "rabbitmq"})
    void everyBadInputIsAnErrorReplyAndServiceGoesOn(String name) {
        Order order = new PayloadGenerator(9).order(Shape.SMALL);
        String good = new String(JSON.encode(order), StandardCharsets.UTF_8);
        byte[] garbage = new byte[512];
        new Random(3).nextBytes(garbage);
        byte[][] bad = {
            garbage,
            good.substring(0, good.length() / 2).getBytes(StandardCharsets.UTF_8),
            good.replaceFirst("\"totalMinor\":\\d+", "\"totalMinor\":\"lots\"").getBytes(StandardCharsets.UTF_8),
            good.replaceFirst("\\{", "{\"coupon\":\"FREE\",").getBytes(StandardCharsets.UTF_8),
            ("{\"metadata\":" + "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000) + "}").getBytes(StandardCharsets.UTF_8),
            new byte[0],
        };
        try (Transport transport = Transports.byName(name, new TransportSettings(Duration.ofSeconds(3), 2, null))) {
            RpcServer server = transport.newServer();
            server.register("orders", new OrderReceiptHandler(JSON));
            RpcClient client = transport.newClient();
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int i = 0; i < bad.length; i++) {
                    byte[] input = bad[i];
                    RpcException e = assertThrows(RpcException.class, () -> client.request("orders", input), "bad input #" + i);
                    assertEquals(RpcException.Kind.REMOTE, e.kind(), "bad input #" + i + ": " + e.getMessage());
                    assertEquals(OrderReceipt.of(order), JSON.decode(client.request("orders", JSON.encode(order)), OrderReceipt.class));
                }
                byte[] oversized = new byte[20 << 20];
                RpcException e = assertThrows(RpcException.class, () -> client.request("orders", oversized));
                assertTrue(Set.of(RpcException.Kind.REMOTE, RpcException.Kind.TRANSPORT).contains(e.kind()), e.getMessage());
                // HTTP: the server answers 413 from the declared length and closes; a client still uploading
                // may see the closed connection (broken pipe) before it reads the 413
                assertTrue(!name.startsWith("http") || e.getMessage().contains("413") || e.kind() == RpcException.Kind.TRANSPORT,
                        e.getMessage());
                assertEquals(OrderReceipt.of(order), JSON.decode(client.request("orders", JSON.encode(order)), OrderReceipt.class));
            });
            client.close();
            server.close();
        }
    }
}
