package io.wirebench.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.ConnectionFactory;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.model.OrderReceipt;
import io.wirebench.transport.server.RunCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import redis.clients.jedis.Jedis;

/**
 * Authentication and TLS as parameters: over every transport, with {@code auth} and {@code tls}, the
 * suite's own clients carry orders and their receipts, the transport says how it is protected, and a
 * client without this run's credentials (or, for {@code tls}, without TLS) is refused by the server.
 */
class SecurityTest {
    private static final Codec JSON = Codecs.byName("json");

    @ParameterizedTest
    @CsvSource({"nats,auth", "nats,tls", "http,auth", "http,tls", "http-jdk,tls", "redis,auth", "redis,tls", "rabbitmq,auth", "rabbitmq,tls"})
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
            refusesAStranger(transport, level);
            keepsTheSecretPrivate(transport);
            server.close();
        }
    }

    /** The credentials are in no process's command line, and the server's files (its configuration) are this user's only. */
    private static void keepsTheSecretPrivate(Transport transport) throws Exception {
        io.wirebench.transport.server.ManagedServer server = transport instanceof NatsTransport n ? n.managedServer()
                : transport instanceof RedisTransport r ? r.managedServer() : transport instanceof RabbitMqTransport q ? q.managedServer() : null;
        if (server == null) {
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

    private static void refusesAStranger(Transport transport, Security level) throws Exception {
        if (transport instanceof NatsTransport nats) {
            // no token; for tls no TLS either
            Options options = Options.builder().server(nats.managedServer().url()).connectionTimeout(Duration.ofSeconds(3))
                    .maxReconnects(0).build();
            Exception e = assertThrows(Exception.class, () -> Nats.connect(options).close());
            // without TLS jnats reports "Unable to connect" (the server's "SSL required" goes to its error listener)
            assertTrue(level.encrypts() || String.valueOf(e.getMessage()).toLowerCase().contains("authorization"), e.toString());
        } else if (transport instanceof HttpTransport http) {
            String url = transport.describe().get("url") + "/rpc/orders";
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3));
            if (level.encrypts()) {
                builder.sslContext(RunCertificates.get().clientContext());
                // plain HTTP to the HTTPS port is not served
                HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
                HttpRequest toPlain = HttpRequest.newBuilder(URI.create(url.replace("https://", "http://"))).timeout(Duration.ofSeconds(3))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
                HttpResponse<String> answer = null;
                try {
                    answer = plain.send(toPlain, HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException refused) {
                    // the TLS connector drops it: refused as well
                }
                assertTrue(answer == null || answer.statusCode() == 400, "plain HTTP on the HTTPS port: " + (answer == null ? "" : answer.statusCode()));
            }
            HttpResponse<String> response = builder.build().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, response.statusCode(), "no bearer token: " + response.body());
        } else if (transport instanceof RedisTransport redis) {
            int port = redis.managedServer().port();
            // without a password NOAUTH; against the TLS port a plain client cannot even talk
            Exception e = assertThrows(Exception.class, () -> {
                try (Jedis stranger = new Jedis("127.0.0.1", port, 3_000)) {
                    stranger.ping();
                }
            });
            assertTrue(level.encrypts() || e.getMessage().contains("NOAUTH"), e.toString());
        } else if (transport instanceof RabbitMqTransport rabbit) {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri("amqp" + (level.encrypts() ? "s" : "") + "://guest:guest@127.0.0.1:" + rabbit.managedServer().port());
            factory.setConnectionTimeout(3_000);
            factory.setHandshakeTimeout(3_000);
            factory.setAutomaticRecoveryEnabled(false);
            if (level.encrypts()) {
                factory.useSslProtocol(RunCertificates.get().clientContext());
            }
            Exception e = assertThrows(Exception.class, () -> factory.newConnection("stranger").close());
            assertTrue(e.toString().contains("ACCESS_REFUSED") || e.toString().contains("AuthenticationFailure"), "guest is refused: " + e);
        } else {
            throw new IllegalStateException("no stranger check for " + transport.name());
        }
    }
}
