package io.wirebench.transport;

import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.model.OrderReceipt;
import io.wirebench.transport.placement.CpuSet;
import io.wirebench.transport.placement.SplitService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** placement=split's service: another process, on CPUs of its own, answering the round trip; this JVM pinned to the rest. */
class SplitServiceTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"nats", "http"})
    void aRoundTripReachesTheServiceInAProcessPinnedToCpusOfItsOwn(String transport) throws Exception {
        Instant began = Instant.now();
        CpuSet all = CpuSet.ofThisProcess();
        CpuSet[] halves = all.halves();
        long servicePid;
        try (SplitService split = SplitService.start(Serve.class, java.util.List.of("--transport", transport, "--codec", "json", "--responders", "4"),
                dir.resolve("service.log"))) {
            servicePid = split.pid();
            assertNotEquals(ProcessHandle.current().pid(), servicePid);
            assertEquals(halves[1], cpusOf(servicePid), "the service's CPUs");
            assertEquals(halves[0], CpuSet.ofThisProcess(), "the callers' CPUs");
            Codec json = Codecs.byName("json");
            Order order = new PayloadGenerator(11).order(Shape.SMALL);
            try (Transport remote = Transports.byName(transport, TransportSettings.defaults().withExternalUrl(split.url()));
                 RpcClient client = remote.newClient()) {
                // no server of this transport was started in this JVM: the answer is the other process's
                assertEquals(OrderReceipt.of(order), json.decode(client.request(RoundTripBenchmark.ENDPOINT, json.encode(order)), OrderReceipt.class));
            }
            assertTrue(split.describe().contains("on CPUs " + halves[1].text() + ", callers on CPUs " + halves[0].text()), split.describe());
        }
        assertFalse(ProcessHandle.of(servicePid).map(ProcessHandle::isAlive).orElse(false), "the service process is gone");
        assertEquals(all, CpuSet.ofThisProcess(), "this JVM has its CPUs back");
        assertTrue(Transports.serversStartedSince(began).isEmpty(), "left running: " + Transports.serversStartedSince(began));
    }

    static CpuSet cpusOf(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"), StandardCharsets.UTF_8)) {
            if (line.startsWith("Cpus_allowed_list:")) {
                return CpuSet.parse(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        throw new IOException("no Cpus_allowed_list for " + pid);
    }
}
