package io.wirebench.schemas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.FileUpload;
import io.wirebench.schemas.generate.GeneratedOrder;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.PayloadSizes;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.FileChunk;
import io.wirebench.schemas.model.Order;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PayloadGeneratorTest {

    @ParameterizedTest
    @EnumSource(Shape.class)
    void sameSeedSameObjectsAndSameBytes(Shape shape) {
        for (String name : Codecs.names()) {
            Codec codec = Codecs.byName(name);
            byte[] first = codec.encode(new PayloadGenerator(99).order(shape));
            byte[] second = codec.encode(new PayloadGenerator(99).order(shape));
            assertArrayEquals(first, second, name + " bytes of two " + shape + " orders from seed 99");
        }
        assertEquals(new PayloadGenerator(99).eventBatch(100), new PayloadGenerator(99).eventBatch(100));
    }

    @Test
    void sameSeedSameBytesInAnotherJvm() throws Exception {
        // hash-salted collections would make a JVM's bytes differ from another's; two fresh JVMs must agree
        String first = payloadSizesInAFreshJvm();
        String second = payloadSizesInAFreshJvm();
        assertTrue(first.contains("| huge | 2000 |"), first);
        assertEquals(first, second);
    }

    private static String payloadSizesInAFreshJvm() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PayloadSizes.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "PayloadSizes did not finish");
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    @Test
    void otherSeedOtherPayload() {
        assertNotEquals(new PayloadGenerator(1).order(Shape.SMALL), new PayloadGenerator(2).order(Shape.SMALL));
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void shapesHaveTheirItemCounts(Shape shape) {
        assertEquals(shape.items(), new PayloadGenerator().order(shape).items().size());
    }

    @Test
    void shapesGrowInSize() {
        Codec json = Codecs.byName("json");
        int previous = 0;
        for (Shape shape : Shape.values()) {
            int size = json.encode(new PayloadGenerator().order(shape)).length;
            assertTrue(size > previous, shape + " is " + size + " bytes, not more than the shape before (" + previous + ")");
            previous = size;
        }
    }

    @Test
    void invalidRateIsRespected() {
        PayloadGenerator generator = new PayloadGenerator(5);
        int invalid = 0;
        for (int i = 0; i < 4000; i++) {
            GeneratedOrder next = generator.next(Shape.TINY, 0.05);
            if (!next.valid()) {
                invalid++;
            }
        }
        // 5% of 4000 = 200; binomial sd ~ 14, so 6 sd either side
        assertTrue(invalid > 115 && invalid < 285, "invalid orders: " + invalid);
        assertTrue(generator.next(Shape.TINY, 0.0).valid());
        assertFalse(generator.next(Shape.TINY, 1.0).valid());
        assertThrows(IllegalArgumentException.class, () -> generator.next(Shape.TINY, 1.5));
    }

    @Test
    void fileUploadChunksCarryTheirChecksumsAndCoverTheFile() {
        FileUpload upload = new PayloadGenerator(4).fileUpload(200_000, 65_536);
        assertEquals(4, upload.manifest().chunkCount());
        assertEquals(200_000, upload.chunks().stream().mapToInt(c -> c.data().length).sum());
        for (FileChunk chunk : upload.chunks()) {
            assertEquals(PayloadGenerator.sha256(chunk.data()), chunk.sha256());
            assertFalse(Arrays.equals(new byte[chunk.data().length], chunk.data()), "chunk is all zero");
        }
    }

    @Test
    void unknownShapeNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shape.byName("giant"));
        assertTrue(e.getMessage().contains("tiny, small, medium, large, huge"), e.getMessage());
        assertEquals(Shape.MEDIUM, Shape.byName("medium"));
    }

    @Test
    void ordersAreImmutable() {
        Order order = new PayloadGenerator().order(Shape.SMALL);
        assertThrows(UnsupportedOperationException.class, () -> order.items().clear());
        assertThrows(UnsupportedOperationException.class, () -> order.metadata().clear());
    }
}
