package io.wirebench.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.wirebench.transport.server.FreePorts;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pointed at an address where no server listens, every transport fails fast with a TRANSPORT error. */
class ServerMissingTest {

    @ParameterizedTest
    @CsvSource({"nats, nats://127.0.0.1:", "redis, redis://127.0.0.1:", "rabbitmq, amqp://guest:guest@127.0.0.1:",
        "http, http://127.0.0.1:", "http-jdk, http://127.0.0.1:"})
    void noServerIsATransportErrorNotAHang(String name, String urlPrefix) {
        String url = urlPrefix + FreePorts.pick();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            RpcException e = assertThrows(RpcException.class, () -> {
                try (Transport transport = Transports.byName(name, new TransportSettings(Duration.ofSeconds(2), 1, url));
                     RpcClient client = transport.newClient()) {
                    client.request("orders", new byte[] {1});
                }
            });
            assertEquals(RpcException.Kind.TRANSPORT, e.kind(), e.getMessage());
        });
    }
}
