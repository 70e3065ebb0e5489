package io.wirebench.e2e.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirebench.yaml.ConfigFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadConfigTest {
    static final String GOOD = """
            load_test:
              users: 4
              spawn_rate: 4
              duration_seconds: 2
              request_timeout_ms: 1000
              error_budget: 0.01
              codec: json
            scenarios:
              ecommerce:
                order_rate: 100
                error_rate: 0.05
                complex_validation: true
                shape: tiny
              analytics:
                event_rate: 1000
                batch_size: 10
                concurrent_reads: 1
              files:
                upload_rate: 2
                file_bytes: 65536
                chunk_bytes: 4096
                corrupt_rate: 0.05
            knee:
              start_rate: 50
              factor: 2
              step_seconds: 1
              max_steps: 3
              p99_limit_ms: 100
            """;

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("test-config.yaml"), yaml);
    }

    private ConfigFileException refused(String from, String to) throws Exception {
        String yaml = GOOD.replace(from, to);
        if (yaml.equals(GOOD)) {
            throw new IllegalArgumentException("'" + from + "' is not in the test configuration");
        }
        Path file = write(yaml);
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> LoadConfig.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), "the message names the file: " + e.getMessage());
        return e;
    }

    @Test
    void theShippedConfigurationIsValid() {
        LoadConfig config = LoadConfig.read(Path.of("../config/test-config.yaml"));
        assertTrue(config.scenarios().ecommerce().orderRate() > 0);
        assertEquals(0.05, config.scenarios().ecommerce().errorRate());
    }

    @Test
    void readsAGoodFile() throws Exception {
        LoadConfig config = LoadConfig.read(write(GOOD));
        assertEquals(4, config.loadTest().users());
        assertEquals("tiny", config.scenarios().ecommerce().shape());
        assertEquals(10, config.scenarios().analytics().batchSize());
        assertEquals(4096, config.scenarios().files().chunkBytes());
        assertEquals(2, config.knee().factor());
    }

    @Test
    void anUnknownKeyIsNamedWithTheKnownOnes() throws Exception {
        ConfigFileException e = refused("order_rate: 100", "order_rate: 100\n    order_rat: 5");
        assertEquals("scenarios.ecommerce.order_rat", e.key());
        assertTrue(e.getMessage().contains("known here: complex_validation, error_rate, order_rate, shape"), e.getMessage());
    }

    @Test
    void aWrongTypeIsNamed() throws Exception {
        assertEquals("load_test.users", refused("users: 4", "users: many").key());
        assertEquals("scenarios.ecommerce.complex_validation", refused("complex_validation: true", "complex_validation: 7").key());
        assertEquals("scenarios.analytics.batch_size", refused("batch_size: 10", "batch_size: \"ten\"").key());
    }

    @Test
    void aMissingKeyIsNamed() throws Exception {
        ConfigFileException e = refused("    corrupt_rate: 0.05\n", "");
        assertTrue(e.getMessage().contains("corrupt_rate"), e.getMessage());
    }

    @Test
    void impossibleValuesAreNamedWithTheReason() throws Exception {
        assertEquals("load_test.error_budget", refused("error_budget: 0.01", "error_budget: 1.5").key());
        assertEquals("scenarios.ecommerce.order_rate", refused("order_rate: 100", "order_rate: -3").key());
        assertEquals("scenarios.ecommerce.error_rate", refused("error_rate: 0.05", "error_rate: 2").key());
        ConfigFileException shape = refused("shape: tiny", "shape: giant");
        assertTrue(shape.getMessage().contains("valid shapes: tiny, small, medium, large, huge"), shape.getMessage());
        assertEquals("load_test.users", refused("users: 4", "users: 0").key());
        assertEquals("load_test.codec", refused("codec: json", "codec: xml").key());
        assertEquals("scenarios.analytics.batch_size", refused("batch_size: 10", "batch_size: 5000").key());
        assertEquals("scenarios.files.chunk_bytes", refused("chunk_bytes: 4096", "chunk_bytes: 99999999").key());
        assertEquals("scenarios.files.corrupt_rate", refused("corrupt_rate: 0.05", "corrupt_rate: 1").key());
        assertEquals("knee.factor", refused("factor: 2", "factor: 1").key());
        assertEquals("load_test.spawn_rate", refused("spawn_rate: 4", "spawn_rate: 0").key());
    }

    @Test
    void faultsAreCheckedLikeEverythingElse() throws Exception {
        String withFault = GOOD + "faults:\n  - {at: 1, action: kill, target: nats, duration: 1}\n";
        assertEquals(1, LoadConfig.read(write(withFault)).faults().size());
        assertEquals("faults[0].action", refusedFrom(withFault, "action: kill", "action: explode").key());
        assertEquals("faults[0].target", refusedFrom(withFault, "target: nats", "target: postgres").key());
        assertEquals("faults[0].at", refusedFrom(withFault, "at: 1,", "at: 99,").key());
        assertEquals("faults[0].duration", refusedFrom(withFault, "duration: 1}", "duration: 0}").key());
        assertEquals("faults[0].delay_ms", refusedFrom(withFault, "duration: 1}", "duration: 1, delay_ms: 50}").key(),
                "a delay belongs to a slow fault only");
        String slow = GOOD + "faults:\n  - {at: 1, action: slow, target: payment, duration: 1, delay_ms: 50}\n";
        assertEquals(50.0, LoadConfig.read(write(slow)).faults().get(0).delayMs());
        assertEquals("faults[0].delay_ms", refusedFrom(slow, ", delay_ms: 50}", "}").key(), "a slow fault needs its delay");
        assertEquals("faults[0].delay_ms", refusedFrom(slow, "delay_ms: 50", "delay_ms: -5").key());
        ConfigFileException unknown = refusedFrom(slow, "target: payment", "target: nats");
        assertEquals("faults[0].target", unknown.key());
        assertTrue(unknown.getMessage().contains("known: analytics, files, gateway, inventory, orders, payment"), unknown.getMessage());
    }

    @Test
    void faultsGivenOnTheCommandLineReplaceTheFilesAndAreCheckedTheSameWay() throws Exception {
        LoadConfig config = LoadConfig.read(write(GOOD + "faults:\n  - {at: 1, action: kill, target: nats, duration: 1}\n"));
        LoadConfig cli = config.withFaults(java.util.List.of("at=1,action=pause,target=redis,duration=0.5",
                "at=1.5,action=slow,target=payment,duration=0.2,delay_ms=20"));
        assertEquals(java.util.List.of(new Fault(1, "pause", "redis", 0.5, null), new Fault(1.5, "slow", "payment", 0.2, 20.0)), cli.faults());
        ConfigFileException unknownKey = assertThrows(ConfigFileException.class, () -> config.withFaults(java.util.List.of("at=1,action=kill,target=nats,duration=1,when=now")));
        assertTrue(unknownKey.getMessage().startsWith("--fault: faults[0].when: unknown key"), unknownKey.getMessage());
        ConfigFileException wrongType = assertThrows(ConfigFileException.class, () -> config.withFaults(java.util.List.of("at=soon,action=kill,target=nats,duration=1")));
        assertEquals("faults[0].at", wrongType.key(), wrongType.getMessage());
        ConfigFileException late = assertThrows(ConfigFileException.class, () -> config.withFaults(java.util.List.of("at=9,action=kill,target=nats,duration=1")));
        assertEquals("faults[0].at", late.key(), late.getMessage());
    }

    private ConfigFileException refusedFrom(String yaml, String from, String to) throws Exception {
        Path file = write(yaml.replace(from, to));
        return assertThrows(ConfigFileException.class, () -> LoadConfig.read(file));
    }

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumn() throws Exception {
        Path broken = write(GOOD.replace("  users: 4", "\tusers: 4"));
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> LoadConfig.read(broken));
        assertTrue(e.getMessage().startsWith(broken + ": not valid YAML at line "), e.getMessage());
    }

    @Test
    void anEmptyOrUnreadableFileIsNamed() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        assertTrue(assertThrows(ConfigFileException.class, () -> LoadConfig.read(empty)).getMessage().startsWith(empty.toString()));
        Path missing = dir.resolve("missing.yaml");
        assertTrue(assertThrows(ConfigFileException.class, () -> LoadConfig.read(missing)).getMessage().endsWith("missing.yaml: no such file"));
    }
}
