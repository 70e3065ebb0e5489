package io.wirebench.e2e.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadConfigTest {
    private static final String GOOD = """
            load_test:
              users: 4
              duration_seconds: 2
              request_timeout_ms: 1000
              error_budget: 0.01
            scenarios:
              orders:
                rate: 100
                shape: tiny
                codec: json
            """;

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("test-config.yaml"), yaml);
    }

    @Test
    void theShippedConfigurationIsValid() {
        LoadConfig config = LoadConfig.read(Path.of("../config/test-config.yaml"));
        assertTrue(config.scenarios().orders().rate() > 0);
    }

    @Test
    void readsAGoodFile() throws Exception {
        LoadConfig config = LoadConfig.read(write(GOOD));
        assertEquals(4, config.loadTest().users());
        assertEquals("tiny", config.scenarios().orders().shape());
    }

    @Test
    void anUnknownKeyIsNamedWithTheKnownOnes() throws Exception {
        Path file = write(GOOD.replace("rate: 100", "rate: 100\n    order_rat: 5"));
        ConfigException e = assertThrows(ConfigException.class, () -> LoadConfig.read(file));
        assertEquals("scenarios.orders.order_rat", e.key());
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("known here: codec, rate, shape"), e.getMessage());
    }

    @Test
    void aWrongTypeIsNamed() throws Exception {
        Path file = write(GOOD.replace("users: 4", "users: many"));
        ConfigException e = assertThrows(ConfigException.class, () -> LoadConfig.read(file));
        assertEquals("load_test.users", e.key(), e.getMessage());
    }

    @Test
    void aMissingKeyIsNamed() throws Exception {
        Path file = write(GOOD.replace("    codec: json\n", ""));
        ConfigException e = assertThrows(ConfigException.class, () -> LoadConfig.read(file));
        assertTrue(e.getMessage().contains("codec"), e.getMessage());
    }

    @Test
    void impossibleValuesAreNamedWithTheReason() throws Exception {
        assertEquals("load_test.error_budget", assertThrows(ConfigException.class,
                () -> LoadConfig.read(write(GOOD.replace("error_budget: 0.01", "error_budget: 1.5")))).key());
        assertEquals("scenarios.orders.rate", assertThrows(ConfigException.class,
                () -> LoadConfig.read(write(GOOD.replace("rate: 100", "rate: -3")))).key());
        ConfigException shape = assertThrows(ConfigException.class, () -> LoadConfig.read(write(GOOD.replace("shape: tiny", "shape: giant"))));
        assertTrue(shape.getMessage().contains("valid shapes: tiny, small, medium, large, huge"), shape.getMessage());
        assertEquals("load_test.users", assertThrows(ConfigException.class,
                () -> LoadConfig.read(write(GOOD.replace("users: 4", "users: 0")))).key());
    }
}
