package io.wirebench.transport;

import io.wirebench.schemas.CraftedPayloads;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.model.OrderReceipt;
import io.wirebench.transport.http.HttpTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The orders endpoint, over every transport and with every codec, answers malformed input with a REMOTE
 * error reply whose text is one readable line, and goes on serving: garbage, a truncated message, an empty
 * body, nesting past the decoders' bounds, 400-digit numbers, invalid UTF-8, Kryo lists claiming more than
 * the message holds ({@link CraftedPayloads#badInputs}), unknown JSON fields (rejected: a documented choice),
 * and an oversized body (HTTP: 413 before the body is read; NATS: refused by the client against the
 * server's max_payload; Redis and RabbitMQ: refused by the client against {@link BodyLimit}, which the
 * managed brokers enforce too). Over HTTP, a body that is not application/octet-stream gets a 415. After
 * each, a valid order works.
 */
class BadInputTest {
    /** A managed broker boots once for the class (RabbitMQ takes seconds); each case its own server and client. */
    private static final SharedTransports TRANSPORTS = new SharedTransports(new TransportSettings(Duration.ofSeconds(3), 2, null));

    @org.junit.jupiter.api.AfterAll
    static void closeTransports() {
        TRANSPORTS.close();
    }

    static Stream<Arguments> transportsAndCodecs() {
        return Transports.names().stream().flatMap(t -> Stream.of("json", "smile", "kryo").map(c -> Arguments.of(t, c)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transportsAndCodecs")
    void everyBadInputIsAReadableErrorReplyAndServiceGoesOn(String name, String codecName) {
        Codec codec = Codecs.byName(codecName);
        Order order = new PayloadGenerator(9).order(Shape.SMALL);
        var bad = new java.util.ArrayList<>(CraftedPayloads.badInputs(codecName, codec.encode(order), Order.class));
        if (codecName.equals("json")) {
            String good = new String(codec.encode(order), StandardCharsets.UTF_8);
            bad.add(new CraftedPayloads.Crafted(codecName, "a string for a number",
                    good.replaceFirst("\"totalMinor\":\\d+", "\"totalMinor\":\"lots\"").getBytes(StandardCharsets.UTF_8), Order.class));
            bad.add(new CraftedPayloads.Crafted(codecName, "an unknown field",
                    good.replaceFirst("\\{", "{\"coupon\":\"FREE\",").getBytes(StandardCharsets.UTF_8), Order.class));
        }
        Transport transport = TRANSPORTS.get(name);
        try (RpcServer server = transport.newServer()) {
            server.register("orders", new OrderReceiptHandler(codec));
            try (RpcClient client = transport.newClient()) {
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                    for (CraftedPayloads.Crafted input : bad) {
                        RpcException e = assertThrows(RpcException.class, () -> client.request("orders", input.bytes()), input.name());
                        assertEquals(RpcException.Kind.REMOTE, e.kind(), input.name() + ": " + e.getMessage());
                        assertTrue(e.getMessage().indexOf('\n') < 0 && e.getMessage().indexOf('\r') < 0
                                && e.getMessage().contains(codecName + ":"), input.name() + ": the codec's error on one line: " + e.getMessage());
                        assertEquals(OrderReceipt.of(order), codec.decode(client.request("orders", codec.encode(order)), OrderReceipt.class));
                    }
                    byte[] oversized = new byte[20 << 20];
                    RpcException e = assertThrows(RpcException.class, () -> client.request("orders", oversized));
                    assertTrue(Set.of(RpcException.Kind.REMOTE, RpcException.Kind.TRANSPORT).contains(e.kind()), e.getMessage());
                    // HTTP: the server answers 413 from the declared length and closes; a client still uploading
                    // may see the closed connection (broken pipe) before it reads the 413
                    assertTrue(!name.startsWith("http") || e.getMessage().contains("413") || e.kind() == RpcException.Kind.TRANSPORT,
                            e.getMessage());
                    assertEquals(OrderReceipt.of(order), codec.decode(client.request("orders", codec.encode(order)), OrderReceipt.class));
                });
            }
        }
    }

    /** An error whose text has line breaks, tabs and non-ASCII characters reaches the caller, on one line, over every transport. */
    static java.util.List<String> transports() {
        return Transports.names();
    }

    @ParameterizedTest
    @MethodSource("transports")
    void anyErrorTextArrives(String name) {
        Transport transport = TRANSPORTS.get(name);
        try (RpcServer server = transport.newServer()) {
            server.register("orders", request -> {
                throw new IllegalStateException("kryo: cannot decode Order\nSerialization trace:\r\n\titems (Order) \u00e9\u00e8 \u4e2d");
            });
            try (RpcClient client = transport.newClient()) {
                assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                    RpcException e = assertThrows(RpcException.class, () -> client.request("orders", new byte[] {1}));
                    assertEquals(RpcException.Kind.REMOTE, e.kind(), e.getMessage());
                    assertTrue(e.getMessage().endsWith("kryo: cannot decode Order Serialization trace: items (Order) \u00e9\u00e8 \u4e2d"),
                            e.getMessage());
                });
            }
        }
    }

    @Test
    void httpRefusesABodyThatIsNotOctetStreamWithA415() throws Exception {
        Codec json = Codecs.byName("json");
        Order order = new PayloadGenerator(9).order(Shape.SMALL);
        try (HttpTransport transport = new HttpTransport(new TransportSettings(Duration.ofSeconds(3), 2, null), HttpTransport.Client.JETTY)) {
            RpcServer server = transport.newServer();
            server.register("orders", new OrderReceiptHandler(json));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            for (String type : new String[] {"application/x-www-form-urlencoded", "text/plain; charset=utf-8", "application/json"}) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(transport.baseUrl() + "/rpc/orders"))
                        .timeout(Duration.ofSeconds(5)).header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json.encode(order))).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(415, response.statusCode(), type + ": " + response.body());
                assertTrue(response.body().contains("is not application/octet-stream"), response.body());
            }
            try (RpcClient client = transport.newClient()) {
                    assertEquals(OrderReceipt.of(order), json.decode(client.request("orders", json.encode(order)), OrderReceipt.class));
            }
            server.close();
        }
    }
}
