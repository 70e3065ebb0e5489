package io.wirebench.transport;

import io.wirebench.transport.access.Security;
import io.wirebench.transport.server.ServerProgram;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry: every transport found through its provider, in the order of the service file. */
class TransportsTest {

    @Test
    void theProvidersAreFoundInTheOrderOfTheirServiceFile() throws Exception {
        List<String> registered = new java.util.ArrayList<>();
        try (var in = TransportsTest.class.getResourceAsStream("/META-INF/services/" + TransportProvider.class.getName())) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    registered.add(((TransportProvider) Class.forName(line.strip()).getConstructor().newInstance()).name());
                }
            }
        }
        assertEquals(registered, Transports.names());
        assertTrue(Transports.names().containsAll(List.of("nats", "nats-cluster", "http", "http-jdk", "redis", "rabbitmq", "in-memory")),
                Transports.names().toString());
    }

    @Test
    void anUnknownNameFailsWithTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Transports.byName("carrier-pigeon", TransportSettings.defaults()));
        assertTrue(e.getMessage().contains("valid transports: " + String.join(", ", Transports.names())), e.getMessage());
    }

    @Test
    void faultTargetsAndPackagesComeFromTheProviders() {
        assertEquals(Set.of("nats", "http", "redis", "rabbitmq"), Transports.faultTargets());
        assertEquals(Set.of("nats-server", "redis-server", "rabbitmq-server", "wrk"), Transports.debianPackages());
        assertEquals(List.of("nats-server", "redis-server", "rabbitmq-server"), Transports.servers().stream().map(ServerProgram::name).toList());
        assertEquals(List.of("nats", "http", "redis", "rabbitmq", "grpc"), Transports.withFloor());
    }

    @Test
    void aSecurityATransportCannotRunWithIsRefusedBeforeAnythingStarts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Transports.byName("nats-cluster", TransportSettings.defaults().withSecurity(Security.TLS)));
        assertTrue(e.getMessage().contains("nats-cluster: security 'tls' is not supported; it runs with none"), e.getMessage());
    }

}
