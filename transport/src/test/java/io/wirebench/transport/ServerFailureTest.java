package io.wirebench.transport;

import io.wirebench.transport.nats.NatsTransport;
import io.wirebench.transport.rabbitmq.RabbitMqTransport;
import io.wirebench.transport.redis.RedisTransport;
import io.wirebench.transport.server.ManagedServer;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server killed in the middle of a run: the client reports errors (transport or timeout, never a
 * hang) and the documented behaviour follows: requests fail until a server is back.
 */
class ServerFailureTest {

    @ParameterizedTest
    @ValueSource(strings = {"nats", "redis", "rabbitmq"})
    void killingTheServerMakesRequestsFailFastAndBounded(String name) {
        try (Transport transport = Transports.byName(name, new TransportSettings(Duration.ofSeconds(1), 2, null))) {
            RpcServer server = transport.newServer();
            server.register("echo", request -> request);
            RpcClient client = transport.newClient();
            assertArrayEquals(new byte[] {7}, client.request("echo", new byte[] {7}));

            ManagedServer managed = switch (name) {
                case "nats" -> ((NatsTransport) transport).managedServer();
                case "redis" -> ((RedisTransport) transport).managedServer();
                default -> ((RabbitMqTransport) transport).managedServer();
            };
            managed.process().destroyForcibly();
            managed.process().onExit().join();

            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                for (int i = 0; i < 5; i++) {
                    RpcException e = assertThrows(RpcException.class, () -> client.request("echo", new byte[] {1}));
                    assertTrue(Set.of(RpcException.Kind.TRANSPORT, RpcException.Kind.TIMEOUT).contains(e.kind()), e.getMessage());
                }
            });
            client.close();
            server.close();
        }
    }
}
