package io.wirebench.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrictYamlTest {
    record Step(@JsonProperty(value = "rate", required = true) double rate, @JsonProperty(value = "name", required = true) String name) {
    }

    record Plan(@JsonProperty(value = "steps", required = true) List<Step> steps) {
    }

    @TempDir
    Path dir;

    private ConfigFileException refused(String text) throws Exception {
        Path file = Files.writeString(dir.resolve("plan.yaml"), text);
        return assertThrows(ConfigFileException.class, () -> StrictYaml.read(file, Plan.class));
    }

    @Test
    void aGoodFileIsRead() throws Exception {
        Path file = Files.writeString(dir.resolve("plan.yaml"), "steps:\n  - {rate: 10, name: a}\n  - {rate: 20.5, name: b}\n");
        assertEquals(new Plan(List.of(new Step(10, "a"), new Step(20.5, "b"))), StrictYaml.read(file, Plan.class));
    }

    @Test
    void anUnknownKeyIsNamedWithTheKnownOnes() throws Exception {
        ConfigFileException e = refused("steps:\n  - {rate: 10, name: a}\n  - {rate: 20, name: b, colour: red}\n");
        assertEquals("steps[1].colour", e.key());
        assertTrue(e.getMessage().endsWith("plan.yaml: steps[1].colour: unknown key; known here: name, rate"), e.getMessage());
    }

    @Test
    void aWrongTypeAndAMissingKeyAreNamed() throws Exception {
        assertEquals("steps[0].rate", refused("steps:\n  - {rate: fast, name: a}\n").key());
        assertEquals("steps[0].name", refused("steps:\n  - {rate: 1}\n").key(), "the missing key");
    }

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumn() throws Exception {
        ConfigFileException e = refused("steps:\n  - {rate: 10, name: a\n  - {rate: 20, name: b}\n");
        assertTrue(e.getMessage().contains("plan.yaml: not valid YAML at line "), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*at line [0-9]+, column [0-9]+: .*"), e.getMessage());
    }

    @Test
    void anEmptyOrMissingFileIsRefusedAsSuch() throws Exception {
        assertTrue(refused("").getMessage().endsWith("plan.yaml: empty file"));
        ConfigFileException missing = assertThrows(ConfigFileException.class, () -> StrictYaml.read(dir.resolve("none.yaml"), Plan.class));
        assertTrue(missing.getMessage().endsWith("none.yaml: no such file"), missing.getMessage());
    }

    @Test
    void aFlowMappingFromACommandLineIsNamedUnderItsPrefix() {
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> StrictYaml.read("{rate: 1, name: x, nam: x}", Step.class, Path.of("--step"), "steps[0]"));
        assertEquals("steps[0].nam", e.key());
        assertTrue(e.getMessage().startsWith("--step: steps[0].nam: unknown key"), e.getMessage());
    }
}
