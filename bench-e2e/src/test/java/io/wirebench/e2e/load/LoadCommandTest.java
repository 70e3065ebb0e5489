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

/** Each seed scenario, a short run over the in-memory transport from a configuration like the shipped one. */
class LoadCommandTest {
    @TempDir
    Path dir;

    private JsonNode run(String scenario, String... more) throws Exception {
        Path config = Files.writeString(dir.resolve("config.yaml"), LoadConfigTest.GOOD);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--config", config.toString(), "--transport", "in-memory",
                "--scenario", scenario, "--out", dir.toString(), "--duration", "1s"));
        args.addAll(java.util.List.of(more));
        assertEquals(0, new CommandLine(new LoadCommand()).execute(args.toArray(new String[0])), scenario);
        return new ObjectMapper().readTree(Files.readString(dir.resolve("load-" + scenario + "-in-memory.json")));
    }

    @Test
    void ecommerceOrdersGoThroughThePipelineAndTheBooksBalance() throws Exception {
        JsonNode json = run("ecommerce", "--rate", "200");
        assertEquals("wirebench-load-1", json.get("format").asText());
        assertEquals("passed", json.get("status").asText(), json.toPrettyString());
        // ramp of 4 users at 4/s: 1 s at a rising rate (100 orders), then 1 s at 200/s
        assertEquals(300, json.get("scheduled").asLong());
        assertEquals(100, json.get("plan").get("rampRequests").asLong());
        JsonNode books = json.get("accounting");
        assertEquals(true, books.get("booksBalance").asBoolean());
        assertEquals(books.get("accepted").asLong(), books.get("charged").asLong());
        assertEquals(json.get("succeeded").asLong(), books.get("accepted").asLong());
        assertTrue(books.get("chargesDeclined").asLong() > 0, "5% of charge attempts are declined: " + books);
        assertTrue(json.get("latencyCorrectedMicros").get("count").asLong() <= 200, "only the steady phase is in the histogram");
        assertTrue(json.get("latencyUncorrectedMicros").has("p99.9"));
        assertTrue(json.get("intervals").size() >= 2);
        assertTrue(json.get("intervals").get(0).has("gcCount"));
        assertTrue(json.has("gcMillis"));
    }

    @Test
    void aRunOverTlsSaysSoAndItsBooksBalance() throws Exception {
        // no declined charges: what is checked is TLS and the books, and an order whose every charge attempt was declined
        // (5% a draw) would put 75 orders over the error budget by itself
        Path config = Files.writeString(dir.resolve("config.yaml"), LoadConfigTest.GOOD.replace("error_rate: 0.05", "error_rate: 0"));
        assertEquals(0, new CommandLine(new LoadCommand()).execute("--config", config.toString(), "--transport", "nats", "--security", "tls",
                "--scenario", "ecommerce", "--out", dir.toString(), "--duration", "1s", "--rate", "50"));
        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("load-ecommerce-nats.json")));
        assertEquals("passed", json.get("status").asText(), json.toPrettyString());
        assertTrue(json.get("context").get("transport.security").asText().startsWith("tls"), json.get("context").toString());
        assertTrue(json.get("accounting").get("booksBalance").asBoolean());
    }

    @Test
    void analyticsBatchesAreAggregatedWhileReadersSeeConsistentSnapshots() throws Exception {
        JsonNode json = run("analytics");
        assertEquals("passed", json.get("status").asText(), json.toPrettyString());
        JsonNode books = json.get("accounting");
        assertEquals(0, books.get("inconsistentSnapshots").asLong());
        assertTrue(books.get("reads").asLong() > 0);
        assertEquals(json.get("succeeded").asLong() * 10, books.get("eventsAggregated").asLong());
    }

    @Test
    void filesAreUploadedWithCorruptedChunksRecovered() throws Exception {
        JsonNode json = run("files", "--rate", "10");
        assertEquals("passed", json.get("status").asText(), json.toPrettyString());
        JsonNode books = json.get("accounting");
        assertTrue(books.get("recoveries").asLong() > 0, "5% of chunk sends are corrupted: " + books);
        assertEquals(json.get("scheduled").asLong(), json.get("succeeded").asLong());
    }

    @Test
    void theKneeSearchWritesItsSteps() throws Exception {
        Path config = Files.writeString(dir.resolve("config.yaml"), LoadConfigTest.GOOD);
        assertEquals(0, new CommandLine(new LoadCommand()).execute("--config", config.toString(), "--transport", "in-memory",
                "--scenario", "ecommerce", "--knee", "--out", dir.toString()));
        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("knee-ecommerce-in-memory.json")));
        assertEquals("wirebench-knee-1", json.get("format").asText());
        assertTrue(json.get("steps").size() >= 1 && json.get("steps").size() <= 3);
        assertTrue(json.get("kneeRatePerSecond").asDouble() >= 50, json.toPrettyString());
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
    void anUnknownScenarioIsNamedWithTheKnownOnes() throws Exception {
        Path config = Files.writeString(dir.resolve("config.yaml"), LoadConfigTest.GOOD);
        CommandLine cli = new CommandLine(new LoadCommand());
        StringBuilder error = new StringBuilder();
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            error.append(e.getMessage());
            return 2;
        });
        assertEquals(2, cli.execute("--config", config.toString(), "--scenario", "orders"));
        assertTrue(error.toString().contains("available: ecommerce, analytics, files"), error.toString());
    }

    @Test
    void durationsAreParsed() {
        assertEquals(30, LoadCommand.parseSeconds("30s"));
        assertEquals(120, LoadCommand.parseSeconds("2m"));
        assertEquals(0.5, LoadCommand.parseSeconds("500ms"));
    }
}
