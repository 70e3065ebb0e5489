package io.wirebench.transport;

import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.transport.access.Security;
import io.wirebench.transport.server.FreePorts;
import io.wirebench.transport.server.RunCertificates;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every TLS client of the suite checks that the server's certificate names the host it dialled, not only that this
 * run's authority signed it. Each transport of the registry that runs with TLS and can be pointed at a server elsewhere
 * is given, as its external server, a TLS endpoint on a free loopback port that answers with a certificate the same
 * authority signed for another name ({@code elsewhere.invalid}); the client must refuse the handshake (the endpoint sees
 * it fail), where the same endpoint with the run's own server certificate completes it (so the refusal is the name).
 * NATS sends its INFO line in the clear first, as nats-server does, then upgrades.
 */
class TlsHostNameTest {
    @TempDir
    static Path dir;

    /** The registry's transports that run with TLS and take an external server's address. */
    static List<String> secured() {
        return Transports.names().stream().filter(n -> Transports.provider(n).securities().contains(Security.TLS)
                && Transports.provider(n).externalAddress() != null).toList();
    }

    @ParameterizedTest
    @MethodSource("secured")
    void aCertificateForAnotherNameIsRefused(String name) throws Exception {
        byte[] order = Codecs.byName("json").encode(new PayloadGenerator(1).order(Shape.TINY));
        int port = FreePorts.pick();
        TransportProvider.ExternalAddress address = Transports.provider(name).externalAddress();
        Path secret = dir.resolve(name + ".secret");
        Files.writeString(secret, "a-secret-of-the-test-" + name.replace('-', 'x'), StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        TransportSettings settings = new TransportSettings(Duration.ofSeconds(3), 1, address.tlsUrl("127.0.0.1", port), Security.TLS)
                .withRemote(new RemoteCredentials(secret, RunCertificates.get().caCertificate()));
        boolean nats = address.scheme().equals("nats");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            String wrong = handshakeSeenBy(RunCertificates.get().anotherNameKeyStore(), port, nats, () -> attempt(name, settings, order));
            assertTrue(wrong.startsWith("failed"), name + ": the client completed a handshake with a certificate for another name: " + wrong);
            String right = handshakeSeenBy(RunCertificates.get().serverKeyStore(), port, nats, () -> attempt(name, settings, order));
            assertEquals("completed", right, name + ": with the run's own certificate the handshake completes");
        });
    }

    /** A request through a new client of the transport {@code name}, which must fail: the endpoint answers no request. */
    private static void attempt(String name, TransportSettings settings, byte[] order) {
        assertThrows(RuntimeException.class, () -> {
            try (Transport transport = Transports.byName(name, settings); RpcClient client = transport.newClient()) {
                client.request("orders", order);
            }
        });
    }

    /**
     * Listens on {@code port} with the key store's certificate, runs {@code client} against it, and says what the
     * first handshake did: "completed", or "failed: " and why.
     */
    private static String handshakeSeenBy(Path keyStore, int port, boolean natsInfo, Runnable client) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        char[] password = RunCertificates.get().storePassword().toCharArray();
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        try (ServerSocket listener = listenOn(port, Duration.ofSeconds(5))) {
            CompletableFuture<String> seen = new CompletableFuture<>();
            // the first connection's handshake is the answer; later ones (a client's pool, its reader) are closed at
            // once, so the client fails fast instead of waiting out its connect timeout in the listener's backlog
            Thread endpoint = new Thread(() -> {
                seen.complete(firstHandshake(listener, context, port, natsInfo));
                while (!listener.isClosed()) {
                    try (Socket later = listener.accept()) {
                        later.setSoLinger(true, 0);
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            }, "fake-tls-endpoint");
            endpoint.setDaemon(true);
            endpoint.start();
            client.run();
            return seen.get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * A listener on the port the stopped server listened on. A stopped server's listening socket can outlive its stop
     * by a moment (a blocking accept holds the descriptor until its thread wakes: seen once with Jetty in CI), so a
     * refused bind is tried again with a new socket, up to {@code within}.
     */
    private static ServerSocket listenOn(int port, Duration within) throws java.io.IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            ServerSocket listener = new ServerSocket();
            try {
                listener.setReuseAddress(true);
                listener.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return listener;
            } catch (java.net.BindException inUse) {
                listener.close();
                if (System.nanoTime() > deadline) {
                    throw inUse;
                }
                Thread.sleep(50);
            }
        }
    }

    /** Accepts one connection on {@code listener} and says what its TLS handshake did: "completed", or "failed: " and why. */
    private static String firstHandshake(ServerSocket listener, SSLContext context, int port, boolean natsInfo) {
        try (Socket plain = listener.accept()) {
            plain.setSoTimeout(10_000);
            if (natsInfo) {
                plain.getOutputStream().write(("INFO {\"server_id\":\"fake\",\"version\":\"2.9.10\",\"proto\":1,\"host\":\"127.0.0.1\","
                        + "\"port\":" + port + ",\"max_payload\":1048576,\"headers\":true,\"tls_required\":true}\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                plain.getOutputStream().flush();
            }
            SSLSocket secure = (SSLSocket) context.getSocketFactory().createSocket(plain, null, plain.getPort(), false);
            secure.setUseClientMode(false);
            try {
                secure.startHandshake();
                secure.getSession(); // the handshake is over only when the client's finished message arrived
                secure.close();
                return "completed";
            } catch (java.io.IOException e) {
                return "failed: " + e;
            }
        } catch (java.io.IOException e) {
            return "failed: no connection: " + e;
        }
    }
}
