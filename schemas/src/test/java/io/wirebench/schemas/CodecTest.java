package io.wirebench.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.CodecException;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.codec.KryoCodec;
import io.wirebench.schemas.generate.InvalidRule;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.EventBatch;
import io.wirebench.schemas.model.FileChunk;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.service.AggregateQuery;
import io.wirebench.schemas.service.AggregateSnapshot;
import io.wirebench.schemas.service.ChargeReply;
import io.wirebench.schemas.service.ChargeRequest;
import io.wirebench.schemas.service.ChunkAck;
import io.wirebench.schemas.service.FileRef;
import io.wirebench.schemas.service.FileSummary;
import io.wirebench.schemas.service.IngestAck;
import io.wirebench.schemas.service.OrderOutcome;
import io.wirebench.schemas.service.OrderStatus;
import io.wirebench.schemas.service.StockReply;
import io.wirebench.schemas.service.StockRequest;
import io.wirebench.schemas.service.ValidationReport;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CodecTest {

    static Stream<Arguments> codecsAndShapes() {
        return Codecs.names().stream().flatMap(codec -> Arrays.stream(Shape.values()).map(shape -> Arguments.of(codec, shape)));
    }

    @ParameterizedTest
    @MethodSource("codecsAndShapes")
    void ordersRoundTrip(String name, Shape shape) {
        Codec codec = Codecs.byName(name);
        PayloadGenerator generator = new PayloadGenerator(21);
        for (int i = 0; i < 3; i++) {
            Order order = generator.order(shape);
            assertEquals(order, codec.decode(codec.encode(order), Order.class), name + " " + shape);
        }
        // invalid orders travel too: validation happens after decoding
        Order broken = generator.order(shape, InvalidRule.MISSING_FIELD);
        assertEquals(broken, codec.decode(codec.encode(broken), Order.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "json-blackbird", "smile", "kryo", "json-naive"})
    void serviceMessagesRoundTrip(String name) {
        Codec codec = Codecs.byName(name);
        PayloadGenerator generator = new PayloadGenerator(9);
        Order order = generator.order(Shape.SMALL);
        List<Object> messages = List.of(
                new OrderOutcome(order.id(), OrderStatus.ACCEPTED, 2, "ch_1", List.of()),
                new OrderOutcome(order.id(), OrderStatus.REJECTED, 0, null, List.of("/items/0/quantity: must be greater than 0")),
                new ValidationReport(order.id(), List.of("/currency: bad", "/total: mismatch")),
                new StockRequest(order.id(), List.of(generator.reservation(order, 0), generator.reservation(order, 1))),
                new StockReply(order.id(), false, "ABC-1234"),
                new ChargeRequest(order.id(), order.totalMinor(), order.currency(), order.payment().token(), 3),
                new ChargeReply(order.id(), false, null, "processor unavailable"),
                new IngestAck("bat_abcdefabcdef", 100),
                new AggregateQuery(""),
                new AggregateSnapshot(3, 300, 12_345, 17, Map.of("click:shoe", 7L), Map.of("click:shoe", 7L)),
                new ChunkAck("fil_abcdefabcdef", 4, false, "checksum mismatch"),
                new FileRef("fil_abcdefabcdef"),
                new FileSummary("fil_abcdefabcdef", false, 0, null, 0, List.of(2, 5)),
                new OrderOutcome(order.id(), OrderStatus.PAYMENT_UNKNOWN, 3, null, List.of("void not confirmed")),
                new io.wirebench.schemas.service.VoidRequest(order.id()),
                new io.wirebench.schemas.service.VoidReply(order.id(), true),
                generator.reservation(order, 1));
        for (Object message : messages) {
            assertEquals(message, codec.decode(codec.encode(message), message.getClass()), name + " " + message);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "json-blackbird", "smile", "kryo", "protobuf", "json-naive"})
    void otherMessagesRoundTrip(String name) {
        Codec codec = Codecs.byName(name);
        PayloadGenerator generator = new PayloadGenerator(8);
        Order order = generator.order(Shape.SMALL);
        var receipt = io.wirebench.schemas.model.OrderReceipt.of(order);
        assertEquals(receipt, codec.decode(codec.encode(receipt), io.wirebench.schemas.model.OrderReceipt.class));
        for (int size : new int[] {1, 100, 1000}) {
            EventBatch batch = generator.eventBatch(size);
            assertEquals(batch, codec.decode(codec.encode(batch), EventBatch.class));
        }
        for (int bytes : new int[] {64 << 10, 1 << 20}) {
            FileChunk chunk = generator.fileChunk("fil_abcdefabcdef", 3, bytes);
            assertEquals(chunk, codec.decode(codec.encode(chunk), FileChunk.class));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "json-blackbird", "smile", "kryo", "protobuf", "json-naive"})
    void garbageAndTruncatedBytesRaiseCodecException(String name) {
        Codec codec = Codecs.byName(name);
        byte[] good = codec.encode(new PayloadGenerator(2).order(Shape.SMALL));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int cut = 0; cut < good.length; cut += Math.max(1, good.length / 97)) {
                byte[] truncated = Arrays.copyOf(good, cut);
                assertThrows(CodecException.class, () -> codec.decode(truncated, Order.class), name + " truncated at " + cut);
            }
            Random random = new Random(1);
            for (int i = 0; i < 2000; i++) {
                byte[] garbage = new byte[1 + random.nextInt(600)];
                random.nextBytes(garbage);
                if (i % 3 == 0) {
                    // keep a valid start, so the decoder gets deep before the damage
                    System.arraycopy(good, 0, garbage, 0, Math.min(garbage.length, 1 + random.nextInt(good.length / 2)));
                }
                try {
                    Object decoded = codec.decode(garbage, Order.class);
                    // a random byte string that happens to decode must at least be an Order
                    assertTrue(decoded instanceof Order);
                } catch (CodecException expected) {
                    assertTrue(expected.getMessage().startsWith(name + ":"), expected.getMessage());
                }
            }
            byte[] flipped = good.clone();
            for (int i = 0; i < flipped.length; i += 7) {
                flipped[i] ^= (byte) 0x5A;
            }
            try {
                codec.decode(flipped, Order.class);
            } catch (CodecException expected) {
                // either outcome is fine, as long as nothing else escapes
            }
        });
    }

    @Test
    void kryoRefusesUnregisteredClassesBothWays() {
        Codec kryo = Codecs.byName("kryo");
        CodecException write = assertThrows(CodecException.class, () -> kryo.encode(new HashMap<String, String>()));
        assertTrue(write.getMessage().contains("not registered"), write.getMessage());

        // bytes made by a Kryo that knows one class more: an Order whose metadata map smuggles a java.util.Date
        Kryo attacker = KryoCodec.newKryo();
        attacker.register(Date.class, 500);
        Order order = new PayloadGenerator(3).order(Shape.TINY);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> smuggled = (Map) Map.of("note", new Date(0));
        Order withGadget = new Order(order.id(), order.customer(), order.shippingAddress(), order.billingAddress(),
                order.items(), order.payment(), order.currency(), order.subtotalMinor(), order.taxMinor(),
                order.shippingMinor(), order.totalMinor(), order.createdAt(), order.updatedAt(), smuggled);
        Output output = new Output(4096, -1);
        attacker.writeObject(output, withGadget);
        CodecException read = assertThrows(CodecException.class, () -> kryo.decode(output.toBytes(), Order.class));
        assertTrue(read.getMessage().contains("nregistered class ID: 500"), read.getMessage());
    }

    @Test
    void protobufRefusesAMessageItHasNoSchemaForNamingTheOnesItCarries() {
        Codec protobuf = Codecs.byName("protobuf");
        CodecException e = assertThrows(CodecException.class, () -> protobuf.encode(new io.wirebench.schemas.service.FileRef("fil_abcdefabcdef")));
        assertTrue(e.getMessage().contains("no schema for FileRef; it carries EventBatch, FileChunk, Order, OrderReceipt"), e.getMessage());
        assertThrows(CodecException.class, () -> protobuf.decode(new byte[] {8, 1}, io.wirebench.schemas.service.FileRef.class));
    }

    @Test
    void unknownCodecNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Codecs.byName("xml"));
        assertTrue(e.getMessage().contains("valid codecs: " + String.join(", ", Codecs.names())), e.getMessage());
    }

    @Test
    void jsonLooksLikeARestPayload() {
        String json = new String(Codecs.byName("json").encode(new PayloadGenerator(1).order(Shape.TINY)),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(json.contains("\"createdAt\":\"2026-"), json);
        assertTrue(json.startsWith("{\"id\":\"ord_"), json);
    }
}
