package io.wirebench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirebench.report.model.RunEnvironment;
import io.wirebench.transport.Transports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EnvironmentProbeTest {

    /** What the gate compares must read as the shell that wrote the committed baseline read it, or every run is "not comparable". */
    @Test
    void theProbeReadsTheMachineAsTheShellDid() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        RunEnvironment probed = EnvironmentProbe.probe("scripts/bench quick", "quick", "config/benchmark-config.yaml", java, Path.of("").toAbsolutePath());
        // the lines exactly as scripts/bench wrote them before a Java probe owned this file (an older file's "nats-server" reads as "server.nats-server")
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
        List<String> keys = new ArrayList<>(List.of("cpu", "memory", "os", "java", "java.bin"));
        Transports.servers().forEach(server -> keys.add(RunEnvironment.SERVER_PREFIX + server.name()));
        for (String key : keys) {
            assertNotNull(shell.get(key), key + " missing from the shell's output:\n" + out);
            assertEquals(shell.get(key), probed.get(key), key);
        }
        List<String> written = new ArrayList<>(List.of("date", "command", "profile", "git", "cpu", "memory", "os", "java", "java.bin"));
        Transports.servers().forEach(server -> written.add(RunEnvironment.SERVER_PREFIX + server.name()));
        assertEquals(written, List.copyOf(probed.lines().keySet()), "one server line per server program the registry names");
        assertTrue(probed.get("cpu").matches(".+ x [0-9]+"), probed.get("cpu"));
        assertTrue(probed.get("java").contains("version"), probed.get("java"));
        assertTrue(probed.get("git").matches("([0-9a-f]{40}|none)( \\(dirty\\))?"), probed.get("git"));
        assertTrue(probed.get("date").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), probed.get("date"));
    }
}
