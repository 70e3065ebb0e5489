package io.wirebench.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every bench module's jar promises after {@code package}: {@code java -jar benchmarks.jar -l}
 * works and lists only the module's own benchmarks (none inherited from a bench module it depends on).
 * A module's {@code BenchmarkListIT} extends this and names its package and its benchmark count.
 */
public abstract class BenchmarkListContract {

    /** The package every benchmark of this module lives in, e.g. {@code io.wirebench.serialization}. */
    protected abstract String benchmarkPackage();

    /** How many benchmark methods the module has; 0 until its benchmarks are written. */
    protected abstract int expectedBenchmarkCount();

    @Test
    void listsExactlyItsOwnBenchmarks() throws Exception {
        List<String> names = BenchmarkJar.ofThisModule().list();
        for (String name : names) {
            assertTrue(name.startsWith(benchmarkPackage() + "."), name + " is not a benchmark of " + benchmarkPackage());
        }
        assertEquals(expectedBenchmarkCount(), names.size(), "benchmarks listed: " + names);
    }

    @Test
    void printsJmhHelp() throws Exception {
        String help = BenchmarkJar.ofThisModule().run(120, "-h");
        assertTrue(help.contains("Usage: java -jar ... [regexp*] [options]"), help);
    }
}
