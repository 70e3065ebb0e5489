package io.wirebench.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.wirebench.transport.server.FreePorts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Pointed at an address where no server listens, every transport fails fast with a TRANSPORT error. */
class ServerMissingTest {

    /** Every registered transport that can be pointed at a server of its kind elsewhere. */
    static List<String> reachable() {
        return Transports.names().stream().filter(name -> Transports.provider(name).externalAddress() != null).toList();
    }

    @ParameterizedTest
    @MethodSource("reachable")
    void noServerIsATransportErrorNotAHang(String name) {
        String url = Transports.provider(name).externalAddress().url("127.0.0.1", FreePorts.pick());
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
