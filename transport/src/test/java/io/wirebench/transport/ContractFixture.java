package io.wirebench.transport;

import java.time.Duration;

/**
 * A transport from the registry with a service of two endpoints and a client, for the contract and the
 * transport-specific tests: {@code reverse} answers its request reversed, {@code fail} always throws.
 * Closed in the reverse order of creation.
 */
public record ContractFixture(Transport transport, RpcServer server, RpcClient client) implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(2);

    public static ContractFixture start(String name) {
        Transport transport = Transports.byName(name, new TransportSettings(TIMEOUT, 4, null));
        try {
            RpcServer server = transport.newServer();
            server.register("reverse", request -> {
                byte[] reply = request.clone();
                for (int i = 0, j = reply.length - 1; i < j; i++, j--) {
                    byte t = reply[i];
                    reply[i] = reply[j];
                    reply[j] = t;
                }
                return reply;
            });
            server.register("fail", request -> {
                throw new IllegalArgumentException("order rejected: " + request.length + " bytes");
            });
            return new ContractFixture(transport, server, transport.newClient());
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    @Override
    public void close() {
        client.close();
        server.close();
        transport.close();
    }
}
