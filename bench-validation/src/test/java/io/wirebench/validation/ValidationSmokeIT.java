package io.wirebench.validation;

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

/** Runs every validation benchmark once, tiny configuration, and checks the JSON has every combination. */
class ValidationSmokeIT {

    @Test
    void everyCombinationRuns() throws Exception {
        BenchmarkJar jar = BenchmarkJar.ofThisModule();
        Path json = jar.jar().resolveSibling("smoke-validation.json");
        Files.deleteIfExists(json);
        jar.run(600, "-f", "0", "-wi", "0", "-i", "1", "-r", "10ms", "-foe", "true", "-rf", "json", "-rff", json.toString());

        Set<String> expected = new TreeSet<>();
        String[] shapes = {"tiny", "small", "medium", "large", "huge"};
        for (String validator : OrderValidators.NAMES) {
            for (String payload : new String[] {"valid", "invalid-one", "invalid-many"}) {
                for (String shape : shapes) {
                    expected.add("ValidationBenchmark.validate payload=" + payload + " shape=" + shape + " validator=" + validator);
                }
            }
        }
        for (String validator : new String[] {"hibernate", "json-schema", "programmatic"}) {
            for (String failFast : new String[] {"true", "false"}) {
                for (String shape : new String[] {"small", "medium", "large"}) {
                    expected.add("FailFastBenchmark.validate failFast=" + failFast + " shape=" + shape + " validator=" + validator);
                }
            }
            for (String items : new String[] {"1", "10", "100", "1000"}) {
                expected.add("CascadeBenchmark.validate items=" + items + " validator=" + validator);
            }
        }
        for (String validator : new String[] {"hibernate", "json-schema"}) {
            expected.add("BootstrapBenchmark.bootstrap validator=" + validator);
            expected.add("BootstrapBenchmark.firstValidation validator=" + validator);
        }

        Set<String> found = new TreeSet<>();
        for (JsonNode result : new ObjectMapper().readTree(json.toFile())) {
            StringBuilder key = new StringBuilder(result.get("benchmark").asText().replace("io.wirebench.validation.", ""));
            for (Iterator<Map.Entry<String, JsonNode>> it = result.get("params").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> param = it.next();
                key.append(' ').append(param.getKey()).append('=').append(param.getValue().asText());
            }
            found.add(key.toString());
            assertTrue(result.get("primaryMetric").get("score").asDouble() > 0, key.toString());
            assertEquals(key.toString().startsWith("Bootstrap") ? "ss" : "avgt", result.get("mode").asText(), key.toString());
        }
        assertEquals(expected, found);
    }
}
