package io.wirebench.e2e.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LoadCommandTest {
    @TempDir
    Path dir;

    @Test
    void aShortRunWritesItsJsonAndPasses() throws Exception {
        int exit = new CommandLine(new LoadCommand()).execute("--config", "../config/test-config.yaml",
                "--transport", "in-memory", "--duration", "1s", "--rate", "200", "--out", dir.toString());
        assertEquals(0, exit);
        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("load-orders-in-memory.json")));
        assertEquals("wirebench-load-1", json.get("format").asText());
        assertEquals(200, json.get("scheduled").asLong());
        assertEquals(200, json.get("succeeded").asLong());
        assertEquals("passed", json.get("status").asText());
        assertTrue(json.get("latencyCorrectedMicros").get("p99").asDouble() > 0);
        assertTrue(json.get("latencyUncorrectedMicros").has("p99.9"));
        assertTrue(json.get("intervals").size() >= 1);
        assertEquals("in-memory", json.get("context").get("transport").asText());
    }

    @Test
    void aBadConfigurationExitsTwoWithTheFileInTheMessage() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "load_test: {users: 1}\n");
        CommandLine cli = new CommandLine(new LoadCommand());
        StringBuilder error = new StringBuilder();
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            error.append(e.getMessage());
            return 2;
        });
        assertEquals(2, cli.execute("--config", bad.toString(), "--transport", "in-memory"));
        assertTrue(error.toString().startsWith(bad.toString()), error.toString());
    }

    @Test
    void durationsAreParsed() {
        assertEquals(30, LoadCommand.parseSeconds("30s"));
        assertEquals(120, LoadCommand.parseSeconds("2m"));
        assertEquals(0.5, LoadCommand.parseSeconds("500ms"));
    }
}
