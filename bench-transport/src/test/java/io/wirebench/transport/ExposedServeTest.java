package io.wirebench.transport;

import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.model.OrderReceipt;
import io.wirebench.transport.access.BindAddress;
import io.wirebench.transport.access.RunSecrets;
import io.wirebench.transport.access.Security;
import io.wirebench.transport.server.ListeningSockets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code scripts/serve --security … --bind …}: a service bound beyond loopback is reached at the address it prints,
 * by a client that holds only the files it printed (the secret, and for TLS the authority, checked against the
 * name dialled), while every other listener of its servers stays on loopback; without credentials such a bind is
 * refused with the reason.
 */
class ExposedServeTest {
    private static final Codec JSON = Codecs.byName("json");

    /** An address of this host beyond loopback when it has one, else the wildcard; and the wildcard itself. */
    static Stream<Arguments> exposures() {
        String host = BindAddress.hostAddresses().stream().map(java.net.InetAddress::getHostAddress).findFirst().orElse("0.0.0.0");
        return Stream.of(
                Arguments.of("nats", "tls", host), Arguments.of("nats", "auth", "0.0.0.0"),
                Arguments.of("http", "tls", host), Arguments.of("redis", "tls", host), Arguments.of("rabbitmq", "tls", host));
    }

    @ParameterizedTest(name = "{0} {1} bound to {2}")
    @MethodSource("exposures")
    void aSecuredServiceBeyondLoopbackServesCallersHoldingItsFiles(String transport, String security, String bind) throws Exception {
        Serve serve = new Serve();
        StringWriter printed = new StringWriter();
        CommandLine cli = Serve.commandLine(serve);
        cli.setOut(new PrintWriter(printed, true));
        CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() -> cli.execute("--transport", transport, "--security", security,
                "--bind", bind, "--responders", "2", "--seconds", "120"));
        try {
            String url = awaitLine(printed, serving, "callers' url: (\\S+)");
            Path secret = Path.of(awaitLine(printed, serving, "secret file: (\\S+)"));
            Path authority = security.equals("tls") ? Path.of(awaitLine(printed, serving, "authority: (\\S+)")) : null;
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(secret), "the secret file is its owner's only");
            assertFalse(printed.toString().contains(RunSecrets.password()), "the secret is never printed: " + printed);
            assertTrue(printed.toString().contains("bind: " + bind), printed.toString());
            BindAddress address = BindAddress.parse(bind);
            assertEquals(address.dialHost(), URI.create(url).getHost(), "callers are told the address the service listens on");

            TransportSettings caller = new TransportSettings(Duration.ofSeconds(5), 1, url, Security.byName(security))
                    .withRemote(new RemoteCredentials(secret, authority));
            Order order = new PayloadGenerator(3).order(Shape.SMALL);
            try (Transport remote = Transports.byName(transport, caller); RpcClient client = remote.newClient()) {
                assertEquals(OrderReceipt.of(order), JSON.decode(client.request(RoundTripBenchmark.ENDPOINT, JSON.encode(order)), OrderReceipt.class));
            }

            int servicePort = URI.create(url).getPort();
            List<ListeningSockets.Socket> sockets = ListeningSockets.of(ListeningSockets.thisJvmAndItsDescendants());
            assertTrue(sockets.stream().anyMatch(s -> s.port() == servicePort
                            && (address.isWildcard() ? s.address().isAnyLocalAddress() : s.address().equals(address.address()))),
                    "the service listens on " + bind + " (the wildcard: of either family)" + ":" + servicePort + "; sockets: " + sockets);
            for (ListeningSockets.Socket socket : sockets) {
                assertTrue(socket.address().isLoopbackAddress() || socket.port() == servicePort,
                        socket + ": only the service's own listener may leave loopback; all: " + sockets);
            }
            serve.stop();
            assertEquals(0, serving.get(60, TimeUnit.SECONDS), printed.toString());
            assertFalse(Files.exists(secret), "the secret file is removed when serving ends");
        } finally {
            serve.stop();
            serving.get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBindBeyondLoopbackWithoutCredentialsIsRefusedWithTheReason() {
        StringWriter err = new StringWriter();
        CommandLine cli = Serve.commandLine(new Serve());
        cli.setErr(new PrintWriter(err, true));
        assertEquals(2, cli.execute("--transport", "nats", "--bind", "0.0.0.0", "--seconds", "1"));
        assertTrue(err.toString().contains("beyond loopback") && err.toString().contains("--security auth"), err.toString());
    }

    @Test
    void aBindWithAnExternalBrokerIsRefused() {
        StringWriter err = new StringWriter();
        CommandLine cli = Serve.commandLine(new Serve());
        cli.setErr(new PrintWriter(err, true));
        assertEquals(2, cli.execute("--transport", "nats", "--url", "nats://127.0.0.1:1", "--security", "auth", "--bind", "0.0.0.0"));
        assertTrue(err.toString().contains("--url names an external broker"), err.toString());
    }

    private static String awaitLine(StringWriter printed, CompletableFuture<Integer> serving, String pattern) throws Exception {
        Pattern p = Pattern.compile("(?m)^" + pattern);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            Matcher m = p.matcher(printed.toString());
            if (m.find()) {
                return m.group(1);
            }
            if (serving.isDone()) {
                throw new AssertionError("serve ended (" + serving.get() + ") before printing '" + pattern + "': " + printed);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + pattern + "' within 90 s: " + printed);
    }
}
