package io.wirebench.e2e.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A load run with each managed server broken in the middle and repaired: nats-server, the HTTP service,
 * redis-server and RabbitMQ killed and restarted on their ports; nats-server, redis-server and RabbitMQ paused
 * (SIGSTOP) and resumed. The run completes (nothing hangs), reports the outage and the recovery, and its
 * books balance: no order charged twice, every charge an accepted order's or an unanswered one's, the stock
 * held equal to the accepted orders' items and the money charged to their totals, every order sent ended as
 * a success or a counted failure.
 */
class FaultRunTest {
    @TempDir
    Path dir;

    static Stream<Arguments> serverFaults() {
        return Stream.of(Arguments.of("nats", "kill"), Arguments.of("http", "kill"), Arguments.of("redis", "kill"), Arguments.of("rabbitmq", "kill"),
                Arguments.of("nats", "pause"), Arguments.of("redis", "pause"), Arguments.of("rabbitmq", "pause"));
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("serverFaults")
    void aBrokenAndRepairedServerIsReportedAndTheBooksBalance(String transport, String action) throws Exception {
        // RabbitMQ takes seconds to boot again after a kill: its run lasts long enough to see it back
        int seconds = transport.equals("rabbitmq") && action.equals("kill") ? 20 : 7;
        String yaml = LoadConfigTest.GOOD.replace("duration_seconds: 2", "duration_seconds: " + seconds)
                + "faults:\n  - {at: 2, action: " + action + ", target: " + transport + ", duration: 1.5}\n";
        Path config = Files.writeString(dir.resolve("config.yaml"), yaml);
        long start = System.nanoTime();
        int exit = new CommandLine(new LoadCommand()).execute("--config", config.toString(), "--transport", transport, "--scenario", "ecommerce",
                "--rate", "100", "--out", dir.toString());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 120, "bounded");
        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("load-ecommerce-" + transport + "-" + action + "-" + transport + ".json")));
        JsonNode fault = json.get("faults").get(0);
        assertEquals(action, fault.get("action").asText());
        assertTrue(fault.get("errors").isNull(), "the " + action + " and its repair both worked: " + fault);
        assertTrue(fault.get("repairedAtSeconds").asDouble() > fault.get("brokeAtSeconds").asDouble());
        assertTrue(fault.get("recovered").asBoolean(), "the rate came back after the restart: " + json.get("intervals"));
        assertTrue(fault.get("outageSeconds").asDouble() >= 1, fault.toString());
        assertTrue(fault.get("worstP99MicrosDuringOutage").asDouble() > 500_000 || json.get("failed").asLong() > 0,
                "the outage shows: failed requests, or requests held until the server was back: " + fault);
        JsonNode books = json.get("accounting");
        assertTrue(books.get("booksBalance").asBoolean(), books.toString());
        assertTrue(books.get("stockBalances").asBoolean() && books.get("moneyBalances").asBoolean(),
                "stock held = accepted (and unknown) orders' items; money charged = their totals: " + books);
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
