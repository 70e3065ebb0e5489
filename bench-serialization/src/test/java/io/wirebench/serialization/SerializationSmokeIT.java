package io.wirebench.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirebench.testing.BenchmarkJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Runs every benchmark of the jar once in a tiny configuration (not a measurement: no fork, one short
 * iteration) and checks that the JSON holds every codec × payload × operation with its sizes.
 */
class SerializationSmokeIT {
    /** Every codec in the registry: the benchmarks' codec list must name them all. */
    private static final java.util.List<String> CODECS = io.wirebench.schemas.codec.Codecs.names();
    private static final String[] OPERATIONS = {"encode", "decode", "roundTrip"};

    @Test
    void everyCombinationRunsAndReportsItsSize() throws Exception {
        BenchmarkJar jar = BenchmarkJar.ofThisModule();
        Path json = jar.jar().resolveSibling("smoke-serialization.json");
        Files.deleteIfExists(json);
        jar.run(600, "-f", "0", "-wi", "0", "-i", "1", "-r", "10ms", "-foe", "true", "-rf", "json", "-rff", json.toString());

        Set<String> expected = new TreeSet<>();
        for (String codec : CODECS) {
            for (String op : OPERATIONS) {
                for (String shape : new String[] {"tiny", "small", "medium", "large", "huge"}) {
                    expected.add("CodecBenchmark." + op + " codec=" + codec + " shape=" + shape);
                }
                for (String shape : new String[] {"small", "medium"}) {
                    expected.add("ContendedCodecBenchmark." + op + " codec=" + codec + " shape=" + shape);
                }
                for (String events : new String[] {"1", "100", "1000"}) {
                    expected.add("EventBatchCodecBenchmark." + op + " codec=" + codec + " events=" + events);
                }
                for (String bytes : new String[] {"65536", "1048576"}) {
                    expected.add("FileChunkCodecBenchmark." + op + " chunkBytes=" + bytes + " codec=" + codec);
                }
            }
        }

        Set<String> found = new TreeSet<>();
        for (JsonNode result : new ObjectMapper().readTree(json.toFile())) {
            String name = result.get("benchmark").asText().replace("io.wirebench.serialization.", "");
            StringBuilder key = new StringBuilder(name);
            for (Iterator<Map.Entry<String, JsonNode>> it = result.get("params").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> param = it.next();
                key.append(' ').append(param.getKey()).append('=').append(param.getValue().asText());
            }
            found.add(key.toString());
            assertEquals("avgt", result.get("mode").asText(), key.toString());
            assertEquals("us/op", result.get("primaryMetric").get("scoreUnit").asText(), key.toString());
            JsonNode secondary = result.get("secondaryMetrics");
            assertTrue(secondary.get("wireBytes").get("score").asDouble() > 0, key + " wireBytes");
            assertTrue(secondary.get("deflatedBytes").get("score").asDouble() > 0, key + " deflatedBytes");
            if (name.startsWith("Contended")) {
                assertEquals(2, result.get("threads").asInt(), key.toString());
            }
        }
        assertEquals(expected, found);
    }
}
