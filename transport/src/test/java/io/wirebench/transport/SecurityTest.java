package io.wirebench.transport;

import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.model.OrderReceipt;
import io.wirebench.transport.access.RunSecrets;
import io.wirebench.transport.access.Security;
import io.wirebench.transport.serve.CallerAccessFiles;
import io.wirebench.transport.server.RunCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Authentication and TLS as parameters: over every transport in the registry that runs with them, with
 * {@code auth} and {@code tls}, the suite's own clients carry orders and their receipts, the transport says how
 * it is protected, a client holding another secret is refused by the server, and the secret shows in no
 * command line. (A client without TLS against a TLS port: {@link TlsHostNameTest} and the servers' own refusal.)
 */
class SecurityTest {
    private static final Codec JSON = Codecs.byName("json");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("securedTransports")
    void theSuitesClientsGetThroughAndOthersAreRefused(String name, String security) throws Exception {
        Security level = Security.byName(security);
        try (Transport transport = Transports.byName(name, new TransportSettings(Duration.ofSeconds(5), 2, null, level))) {
            RpcServer server = transport.newServer();
            server.register("orders", new OrderReceiptHandler(JSON));
            try (RpcClient client = transport.newClient()) {
                for (Order order : new PayloadGenerator(21).orders(Shape.SMALL, 5)) {
                    assertEquals(OrderReceipt.of(order), JSON.decode(client.request("orders", JSON.encode(order)), OrderReceipt.class));
                }
            }
            assertTrue(transport.describe().get("security").startsWith(security), transport.describe().toString());
            refusesAStranger(name, transport, level, dir);
            keepsTheSecretPrivate(transport);
            server.close();
        }
    }

    /** The credentials are in no process's command line, and the server's files (its configuration) are this user's only. */
    private static void keepsTheSecretPrivate(Transport transport) throws Exception {
        if (!(transport.faultTarget() instanceof io.wirebench.transport.server.ManagedServer server)) {
            return; // the HTTP service runs in this JVM: its token never leaves it
        }
        java.util.List<ProcessHandle> tree = java.util.stream.Stream.concat(java.util.stream.Stream.of(server.process()),
                server.process().descendants()).toList();
        for (ProcessHandle process : tree) {
            String command = process.info().commandLine().orElse("");
            assertTrue(!command.contains(RunSecrets.password()), "the password shows in the process list: " + command);
        }
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(server.directory())), server.directory().toString());
    }

    /**
     * A stranger, the suite's own client with another secret (and, for {@code tls}, this run's authority), is refused:
     * the connection, or failing that the request, fails. The same for every transport in the registry.
     */
    private static void refusesAStranger(String name, Transport transport, Security level, Path dir) throws Exception {
        Path wrong = dir.resolve("wrong-secret");
        Files.writeString(wrong, "not-this-runs-secret-0123456789");
        Files.setPosixFilePermissions(wrong, PosixFilePermissions.fromString("rw-------"));
        TransportSettings stranger = new TransportSettings(Duration.ofSeconds(3), 1, CallerAccessFiles.callersUrl(transport.describe()), level)
                .withRemote(new RemoteCredentials(wrong, level.encrypts() ? RunCertificates.get().caCertificate() : null));
        Order order = new PayloadGenerator(22).order(Shape.TINY);
        // a refusal, as the suite's own error: anything else (a bad URL, a missing file) would be the test's mistake
        RpcException refused = assertThrows(RpcException.class, () -> {
            try (Transport elsewhere = Transports.byName(name, stranger); RpcClient client = elsewhere.newClient()) {
                client.request("orders", JSON.encode(order));
            }
        });
        assertTrue(refused.kind() != RpcException.Kind.TIMEOUT, name + " " + level.parameter() + ": refused by a timeout, "
                + "not by the server: " + refused);
        assertFalse(String.valueOf(refused.getMessage()).contains(RunSecrets.password()), "the error shows the secret: " + refused);
    }

    /** Every transport that runs with credentials, with each level that has them. */
    static Stream<Arguments> securedTransports() {
        return Transports.names().stream().flatMap(name -> Transports.provider(name).securities().stream().sorted()
                .filter(Security::authenticates).map(level -> Arguments.of(name, level.parameter())));
    }
}
