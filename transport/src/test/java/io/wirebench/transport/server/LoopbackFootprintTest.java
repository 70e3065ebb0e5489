package io.wirebench.transport.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.model.OrderReceipt;
import io.wirebench.transport.OrderReceiptHandler;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.access.Security;
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
 * Nothing the suite starts listens beyond loopback: with each transport up and serving, every listening
 * TCP socket of this JVM (Jetty) and of every process it started (nats-server and its cluster routes,
 * redis-server, RabbitMQ's AMQP listener, its Erlang distribution port and its epmd) is on 127.0.0.1 or ::1.
 * It once was not: RabbitMQ's distribution port listened on 0.0.0.0.
 */
class LoopbackFootprintTest {

    static Stream<Arguments> transports() {
        return Stream.of(
                Arguments.of("nats", "none", 1), Arguments.of("nats", "tls", 1), Arguments.of("nats-cluster", "none", 6),
                Arguments.of("http", "none", 1), Arguments.of("http", "tls", 1),
                Arguments.of("redis", "none", 1), Arguments.of("redis", "tls", 1),
                Arguments.of("rabbitmq", "none", 3), Arguments.of("rabbitmq", "tls", 3));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transports")
    void everyListeningSocketIsOnLoopback(String name, String security, int atLeast) throws Exception {
        Codec json = Codecs.byName("json");
        Order order = new PayloadGenerator(1).order(Shape.TINY);
        int before = ListeningSockets.of(ListeningSockets.thisJvmAndItsDescendants()).size();
        try (Transport transport = Transports.byName(name, new TransportSettings(Duration.ofSeconds(5), 2, null, Security.byName(security)))) {
            RpcServer server = transport.newServer();
            server.register("orders", new OrderReceiptHandler(json));
            try (RpcClient client = transport.newClient()) {
                assertEquals(OrderReceipt.of(order), json.decode(client.request("orders", json.encode(order)), OrderReceipt.class));
            }
            List<ListeningSockets.Socket> sockets = ListeningSockets.of(ListeningSockets.thisJvmAndItsDescendants());
            assertTrue(sockets.size() - before >= atLeast, "the check sees the transport's listeners (at least " + atLeast
                    + " more than before it started): " + sockets);
            for (ListeningSockets.Socket socket : sockets) {
                assertTrue(socket.address().isLoopbackAddress(), socket + ": not loopback; all: " + sockets);
            }
            server.close();
        }
    }
}
