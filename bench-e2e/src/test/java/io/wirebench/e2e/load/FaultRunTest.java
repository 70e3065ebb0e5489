package io.wirebench.e2e.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A load run with nats-server, the HTTP service or redis-server killed in the middle and restarted on its
 * port: the run completes (nothing hangs), reports the outage and the recovery, and its order books
 * balance (no order charged twice, every charge an accepted order's or an unanswered one's, every order
 * sent ended as a success or a counted failure).
 */
class FaultRunTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"nats", "http", "redis"})
    void aKilledAndRestartedServerIsReportedAndTheBooksBalance(String transport) throws Exception {
        String yaml = LoadConfigTest.GOOD.replace("duration_seconds: 2", "duration_seconds: 7")
                + "faults:\n  - {at: 2, action: kill, target: " + transport + ", duration: 1.5}\n";
        Path config = Files.writeString(dir.resolve("config.yaml"), yaml);
        long start = System.nanoTime();
        int exit = new CommandLine(new LoadCommand()).execute("--config", config.toString(), "--transport", transport, "--scenario", "ecommerce",
                "--rate", "100", "--out", dir.toString());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 60, "bounded");
        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("load-ecommerce-" + transport + "-kill-" + transport + ".json")));
        JsonNode fault = json.get("faults").get(0);
        assertEquals("kill", fault.get("action").asText());
        assertTrue(fault.get("errors").isNull(), "the kill and the restart both worked: " + fault);
        assertTrue(fault.get("repairedAtSeconds").asDouble() > fault.get("brokeAtSeconds").asDouble());
        assertTrue(fault.get("recovered").asBoolean(), "the rate came back after the restart: " + json.get("intervals"));
        assertTrue(fault.get("outageSeconds").asDouble() >= 1, fault.toString());
        assertTrue(fault.get("worstP99MicrosDuringOutage").asDouble() > 500_000 || json.get("failed").asLong() > 0,
                "the outage shows: failed requests, or requests held until the server was back: " + fault);
        JsonNode books = json.get("accounting");
        assertTrue(books.get("booksBalance").asBoolean(), books.toString());
        assertEquals(books.get("sent").asLong(), json.get("succeeded").asLong() + json.get("failed").asLong()
                - json.get("failures").get("not_sent").asLong(), "every order sent ends in a known state");
        assertEquals(json.get("scheduled").asLong(), json.get("succeeded").asLong() + json.get("failed").asLong());
        assertEquals(exit == 0, "passed".equals(json.get("status").asText()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-memory", "nats"})
    void aSlowServiceShowsInTheLatencyAndTheRateComesBackWhenItIsNormalAgain(String transport) throws Exception {
        String yaml = LoadConfigTest.GOOD.replace("duration_seconds: 2", "duration_seconds: 6")
                + "faults:\n  - {at: 2, action: slow, target: payment, duration: 1.5, delay_ms: 100}\n";
        Path config = Files.writeString(dir.resolve("config.yaml"), yaml);
        int exit = new CommandLine(new LoadCommand()).execute("--config", config.toString(), "--transport", transport, "--scenario", "ecommerce",
                "--rate", "100", "--out", dir.toString());
        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("load-ecommerce-" + transport + "-slow-payment.json")));
        JsonNode fault = json.get("faults").get(0);
        assertEquals("slow", fault.get("action").asText());
        assertEquals("payment", fault.get("target").asText());
        assertTrue(fault.get("errors").isNull(), fault.toString());
        // 4 users, each order waiting 100 ms in payment: at most 40 orders/s of the 100 asked for
        assertTrue(fault.get("outageSeconds").asDouble() >= 1, "the rate fell while payment was slow: " + fault);
        assertTrue(fault.get("recovered").asBoolean(), "the rate came back once payment was normal: " + json.get("intervals"));
        assertTrue(fault.get("worstP99MicrosDuringOutage").asDouble() >= 100_000, "every order waited at least the delay: " + fault);
        JsonNode books = json.get("accounting");
        assertTrue(books.get("booksBalance").asBoolean(), books.toString());
        assertEquals(json.get("scheduled").asLong(), json.get("succeeded").asLong() + json.get("failed").asLong());
        assertEquals(exit == 0, "passed".equals(json.get("status").asText()));
    }

    /** Runs the load command over in-memory with {@code fault}, expecting it refused (exit 2) before the run; its message. */
    private String refusedBeforeTheRun(String fault, String scenario) throws Exception {
        Path config = Files.writeString(dir.resolve("config.yaml"), LoadConfigTest.GOOD + "faults:\n  - " + fault + "\n");
        CommandLine cli = new CommandLine(new LoadCommand());
        StringBuilder error = new StringBuilder();
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            error.append(e.getMessage());
            return 2;
        });
        assertEquals(2, cli.execute("--config", config.toString(), "--transport", "in-memory", "--scenario", scenario, "--out", dir.toString()));
        return error.toString();
    }

    @Test
    void aSlowFaultOnAServiceTheScenarioLacksIsRefusedBeforeTheRun() throws Exception {
        String error = refusedBeforeTheRun("{at: 1, action: slow, target: payment, duration: 1, delay_ms: 10}", "analytics");
        assertTrue(error.contains("'payment' is not a service of this scenario; its services are: analytics"), error);
    }

    @Test
    void aFaultTheTransportCannotReachIsRefusedBeforeTheRun() throws Exception {
        String error = refusedBeforeTheRun("{at: 1, action: kill, target: redis, duration: 1}", "ecommerce");
        assertTrue(error.contains("fault target 'redis' is not the server of transport 'in-memory'"), error);
    }
}
