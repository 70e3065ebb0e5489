package io.wirebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunEnvironmentTest {
    static final Path BASELINE = Path.of("../results/baseline/environment.txt");

    @TempDir
    Path dir;

    @Test
    void linesKeepTheirOrderAndAValueMayHoldAColon() {
        RunEnvironment env = RunEnvironment.parse("date: 2026-12-02T04:31:49Z\nnats-server: nats-server: v2.9.10\nnot a line\nseed: 7\n");
        assertEquals(List.of("date", "nats-server", "seed"), List.copyOf(env.lines().keySet()));
        assertEquals("nats-server: v2.9.10", env.get("nats-server"));
        assertEquals("date: 2026-12-02T04:31:49Z\nnats-server: nats-server: v2.9.10\nseed: 7\n", env.text());
    }

    @Test
    void addingSetsALineInItsPlaceOrLastAndRefusesWhatWouldBreakTheFormat() {
        RunEnvironment env = RunEnvironment.parse("date: x\nseed: 1\n").with("seed", "2").with("failed", "bench-e2e");
        assertEquals("date: x\nseed: 2\nfailed: bench-e2e\n", env.text());
        assertThrows(IllegalArgumentException.class, () -> env.with("a:b", "c"));
        assertThrows(IllegalArgumentException.class, () -> env.with("hook", "two\nlines"));
    }

    /** What the gate compares must read as the shell that wrote the committed baseline read it, or every run is "not comparable". */
    @Test
    void theProbeReadsTheMachineAsTheShellDid() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        RunEnvironment probed = RunEnvironment.probe("scripts/bench quick", "quick", "config/benchmark-config.yaml", java, Path.of("").toAbsolutePath());
        // the lines exactly as scripts/bench wrote them before the report module owned this file
        String script = String.join("\n",
                "java_bin=\"$1\"",
                "echo \"cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') x $(nproc)\"",
                "echo \"memory: $(free -h | awk '/Mem:/ {print $2}')\"",
                "echo \"os: $(uname -srm); $(. /etc/os-release && echo \"$PRETTY_NAME\")\"",
                "echo \"java: $(\"$java_bin\" -version 2>&1 | tr '\\n' ' ')\"",
                "echo \"java.bin: $(readlink -f \"$(command -v \"$java_bin\")\")\"",
                "echo \"nats-server: $(PATH=$PATH:/usr/sbin nats-server --version 2>/dev/null)\"",
                "echo \"redis-server: $(PATH=$PATH:/usr/sbin redis-server --version 2>/dev/null)\"",
                "echo \"rabbitmq-server: $(dpkg-query -W -f='${Version}' rabbitmq-server 2>/dev/null || echo unknown)\"");
        Process bash = new ProcessBuilder("bash", "-c", script, "probe", java).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(60, TimeUnit.SECONDS), "the shell's probe did not finish");
        RunEnvironment shell = RunEnvironment.parse(out);
        for (String key : List.of("cpu", "memory", "os", "java", "java.bin", "nats-server", "redis-server", "rabbitmq-server")) {
            assertNotNull(shell.get(key), key + " missing from the shell's output:\n" + out);
            assertEquals(shell.get(key), probed.get(key), key);
        }
        assertTrue(probed.get("cpu").matches(".+ x [0-9]+"), probed.get("cpu"));
        assertTrue(probed.get("java").contains("version"), probed.get("java"));
        assertTrue(probed.get("git").matches("([0-9a-f]{40}|none)( \\(dirty\\))?"), probed.get("git"));
        assertTrue(probed.get("date").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), probed.get("date"));
    }

    @Test
    void theCommittedBaselineHasEveryLineTheGateCompares() {
        RunEnvironment baseline = RunEnvironment.read(BASELINE);
        for (String key : RegressionGate.SAME_ENVIRONMENT) {
            if (!key.equals("placement")) { // older than --placement: colocated, which the gate assumes for a run without the line
                assertNotNull(baseline.get(key), key + " missing from " + BASELINE);
            }
        }
        assertEquals(List.of(), RegressionGate.environmentDifferences(RunEnvironment.read(BASELINE).text(),
                RunEnvironment.read(BASELINE).with("placement", "colocated").text()));
        assertEquals(1, RegressionGate.environmentDifferences(RunEnvironment.read(BASELINE).text(),
                RunEnvironment.read(BASELINE).with("placement", "split").text()).size(), "a split run is not compared with a colocated one");
    }

    @Test
    void scriptsBenchsCallsWriteAFileTheGateReadsFailuresFrom() throws Exception {
        Path file = dir.resolve("environment.txt");
        assertEquals(0, new CommandLine(new EnvironmentCommand()).execute("write", "--out", file.toString(), "--command", "scripts/bench quick",
                "--profile", "quick"));
        assertEquals(0, new CommandLine(new EnvironmentCommand()).execute("add", "--file", file.toString(), "seed", "42"));
        assertEquals(0, new CommandLine(new EnvironmentCommand()).execute("add", "--file", file.toString(), "failed", "bench-e2e load-ecommerce-http"));
        RunEnvironment written = RunEnvironment.read(file);
        assertEquals("scripts/bench quick", written.get("command"));
        assertEquals("quick (config/benchmark-config.yaml)", written.get("profile"));
        assertEquals("42", written.get("seed"));
        assertEquals(List.of("date", "command", "profile", "git", "cpu", "memory", "os", "java", "java.bin", "nats-server", "redis-server",
                "rabbitmq-server", "seed", "failed"), List.copyOf(written.lines().keySet()));
        assertEquals("bench-e2e load-ecommerce-http", written.get("failed"), "what the gate reads to call a run incomplete");
        assertTrue(new CommandLine(new EnvironmentCommand()).execute("add", "--file", dir.resolve("none.txt").toString(), "seed", "1") != 0,
                "adding to a file that was never written is refused");
    }
}
