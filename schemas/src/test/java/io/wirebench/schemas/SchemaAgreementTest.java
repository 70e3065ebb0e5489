package io.wirebench.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.FileUpload;
import io.wirebench.schemas.generate.InvalidRule;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.FileChunk;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.validation.BeanValidator;
import io.wirebench.schemas.validation.JsonSchemaValidator;
import io.wirebench.schemas.validation.MessageType;
import io.wirebench.schemas.validation.SchemaViolation;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The JSON Schemas and the Bean Validation annotations say the same thing about every generated payload. */
class SchemaAgreementTest {
    private static final BeanValidator BEANS = new BeanValidator(Fixtures.CLOCK, false);
    private static final JsonSchemaValidator SCHEMAS = new JsonSchemaValidator(Fixtures.CLOCK);
    private static final Codec JSON = Codecs.byName("json");

    @AfterAll
    static void close() {
        BEANS.close();
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void validOrdersPassBoth(Shape shape) {
        PayloadGenerator generator = new PayloadGenerator(7);
        for (int i = 0; i < (shape == Shape.HUGE ? 2 : 20); i++) {
            Order order = generator.order(shape);
            assertAccepted(MessageType.ORDER, order);
        }
    }

    @ParameterizedTest
    @EnumSource(InvalidRule.class)
    void invalidOrdersFailBothForTheSameReason(InvalidRule rule) {
        PayloadGenerator generator = new PayloadGenerator(11);
        for (Shape shape : rule == InvalidRule.TOO_MANY_ITEMS ? List.of(Shape.TINY) : List.of(Shape.TINY, Shape.SMALL, Shape.MEDIUM)) {
            for (int i = 0; i < 5; i++) {
                Order order = generator.order(shape, rule);
                Set<String> bean = pointers(BEANS.validate(order));
                Set<String> schema = pointers(SCHEMAS.validate(MessageType.ORDER, JSON.encode(order)));
                assertTrue(bean.contains(rule.pointer()), rule + " on " + shape + ": bean validation reported " + bean);
                assertEquals(bean, schema, rule + " on " + shape + ": bean validation and JSON Schema disagree");
            }
        }
    }

    @Test
    void theOtherMessagesPassBoth() {
        PayloadGenerator generator = new PayloadGenerator(3);
        Order order = generator.order(Shape.SMALL);
        assertAccepted(MessageType.INVENTORY_RESERVATION, generator.reservation(order, 0));
        assertAccepted(MessageType.ORDER_RECEIPT, io.wirebench.schemas.model.OrderReceipt.of(order));
        assertAccepted(MessageType.ANALYTICS_EVENT, generator.event());
        for (int size : new int[] {1, 100, 1000}) {
            assertAccepted(MessageType.EVENT_BATCH, generator.eventBatch(size));
        }
        FileUpload upload = generator.fileUpload(300_000, 65_536);
        assertAccepted(MessageType.FILE_MANIFEST, upload.manifest());
        for (FileChunk chunk : upload.chunks()) {
            assertAccepted(MessageType.FILE_CHUNK, chunk);
        }
        assertAccepted(MessageType.FILE_CHUNK, generator.fileChunk("fil_000000000000", 0, 1 << 20));
    }

    @Test
    void anEventBatchOverTheLimitFailsBoth() {
        var batch = new PayloadGenerator(5).eventBatch(1001);
        assertEquals(Set.of("/events"), pointers(BEANS.validate(batch)));
        assertEquals(Set.of("/events"), pointers(SCHEMAS.validate(MessageType.EVENT_BATCH, JSON.encode(batch))));
    }

    @Test
    void unknownFieldsAndBrokenJsonAreRejectedBySchema() {
        byte[] json = JSON.encode(new PayloadGenerator(1).order(Shape.TINY));
        String withExtra = new String(json, java.nio.charset.StandardCharsets.UTF_8).replaceFirst("\\{", "{\"discount\":5,");
        assertFalse(SCHEMAS.validate(MessageType.ORDER, withExtra.getBytes(java.nio.charset.StandardCharsets.UTF_8)).isEmpty());
        assertEquals("json", SCHEMAS.validate(MessageType.ORDER, "{\"id\":".getBytes()).get(0).rule());
    }

    private static void assertAccepted(MessageType type, Object message) {
        List<SchemaViolation> bean = BEANS.validate(message);
        List<SchemaViolation> schema = SCHEMAS.validate(type, JSON.encode(message));
        assertTrue(bean.isEmpty(), type + ": bean validation rejected a generated valid payload: " + bean);
        assertTrue(schema.isEmpty(), type + ": JSON Schema rejected a generated valid payload: " + schema);
    }

    private static Set<String> pointers(List<SchemaViolation> violations) {
        return violations.stream().map(SchemaViolation::pointer).collect(Collectors.toCollection(TreeSet::new));
    }
}
