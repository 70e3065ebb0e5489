package io.wirebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkProfilesTest {
    static final Path SHIPPED = Path.of("../config/benchmark-config.yaml");

    @TempDir
    Path dir;

    @Test
    void theShippedProfilesAreValidAndNamed() {
        BenchmarkProfiles profiles = BenchmarkProfiles.read(SHIPPED);
        assertEquals(List.of("quick", "nightly", "full"), List.copyOf(profiles.profiles().keySet()));
        assertEquals(List.of("bench-serialization", "bench-validation", "bench-transport", "bench-e2e"), profiles.modules());
        BenchmarkProfiles.Profile nightly = profiles.profile(SHIPPED, "nightly");
        int forks = Integer.parseInt(nightly.jmh().get(nightly.jmh().indexOf("-f") + 1));
        assertTrue(forks >= 3, "the nightly profile needs per-fork means from at least 3 forks");
        assertTrue(nightly.jmh().contains("gc"), "the nightly profile measures allocation");
    }

    @Test
    void aModulesOptionsAreTheProfilesThenItsParamsWithTheCommandLineWinning() {
        BenchmarkProfiles.Profile quick = BenchmarkProfiles.read(SHIPPED).profile(SHIPPED, "quick");
        List<String> e2e = BenchmarkProfiles.jmhArguments(quick, "bench-e2e", List.of());
        assertEquals(List.of("-f", "1", "-wi", "1", "-i", "1", "-w", "200ms", "-r", "200ms", "-foe", "true",
                "-p", "shape=small", "-p", "batchSize=100", "-p", "fileKiB=1024", "-p", "corruptRate=0.05"), e2e);
        List<String> overridden = BenchmarkProfiles.jmhArguments(quick, "bench-e2e", List.of("-f", "2", "-p", "shape=large"));
        assertTrue(!overridden.contains("shape=small") && overridden.contains("batchSize=100"), overridden.toString());
        assertEquals(-1, overridden.indexOf("-f"), "-f comes from the command line only: " + overridden);
        assertEquals(List.of("-f", "1", "-wi", "1", "-i", "1", "-w", "200ms", "-r", "200ms", "-foe", "true", "-p", "shape=small,large"),
                BenchmarkProfiles.jmhArguments(quick, "bench-serialization", List.of()));
    }

    private ConfigFileException refused(String from, String to) throws Exception {
        String yaml = Files.readString(SHIPPED);
        String changed = yaml.replace(from, to);
        if (changed.equals(yaml)) {
            throw new IllegalArgumentException("'" + from + "' is not in the shipped file");
        }
        Path file = Files.writeString(dir.resolve("benchmark-config.yaml"), changed);
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> BenchmarkProfiles.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e;
    }

    @Test
    void badFilesAreRefusedWithTheKeyAndTheReason() throws Exception {
        // the misspelt key leaves the required 'jmh' missing: either is reported, under the profile
        ConfigFileException misspelt = refused("    jmh: [-f, \"1\"", "    jmhh: [-f, \"1\"");
        assertTrue(misspelt.key().startsWith("profiles.quick.jmh"), misspelt.getMessage());
        assertEquals("profiles.nightly.params.bench-serialisation",
                refused("      bench-serialization: [-p, \"codec=", "      bench-serialisation: [-p, \"codec=").key());
        ConfigFileException transport = refused("{scenario: ecommerce, transport: http, duration_seconds: 30}",
                "{scenario: ecommerce, transport: carrier-pigeon, duration_seconds: 30}");
        assertEquals("profiles.nightly.load[1].transport", transport.key());
        assertTrue(transport.getMessage().contains("known: "), transport.getMessage());
        assertEquals("profiles.nightly.load[0].duration_seconds",
                refused("{scenario: ecommerce, transport: nats, duration_seconds: 30}", "{scenario: ecommerce, transport: nats, duration_seconds: thirty}").key());
        ConfigFileException noProfile = assertThrows(ConfigFileException.class,
                () -> BenchmarkProfiles.read(SHIPPED).profile(SHIPPED, "weekly"));
        assertTrue(noProfile.getMessage().contains("available: quick, nightly, full"), noProfile.getMessage());
    }
}
