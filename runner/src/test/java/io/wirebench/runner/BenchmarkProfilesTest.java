package io.wirebench.runner;

import io.wirebench.report.claims.Claim;
import io.wirebench.report.claims.Claims;
import io.wirebench.yaml.ConfigFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkProfilesTest {
    static final Path SHIPPED = Path.of("../config/benchmark-config.yaml");

    @TempDir
    Path dir;

    @Test
    void theShippedProfilesAreValidAndNamed() {
        BenchmarkProfiles profiles = BenchmarkProfiles.read(SHIPPED);
        assertEquals(List.of("quick", "nightly", "peers", "claims", "placement", "profiling", "full"), List.copyOf(profiles.profiles().keySet()));
        for (String measured : List.of("quick", "nightly", "peers", "claims", "full")) {
            assertTrue(profiles.profile(SHIPPED, measured).measuresPeers(), measured + " measures the transports' floors in the same run");
        }
        assertTrue(profiles.profile(SHIPPED, "quick").measuresPeers(), "quick's headline verdict needs both transports' floors");
        assertEquals(List.of("bench-serialization", "bench-validation", "bench-transport", "bench-e2e"), profiles.modules());
        BenchmarkProfiles.Profile nightly = profiles.profile(SHIPPED, "nightly");
        int forks = Integer.parseInt(nightly.jmh().get(nightly.jmh().indexOf("-f") + 1));
        assertTrue(forks >= 3, "the nightly profile needs per-fork means from at least 3 forks");
        assertTrue(nightly.jmh().contains("gc"), "the nightly profile measures allocation");
    }

    @Test
    void aModulesOptionsAreTheProfilesThenItsParamsWithTheCommandLineWinning() {
        BenchmarkProfiles.Profile quick = new BenchmarkProfiles.Profile(List.of("-f", "1", "-wi", "1", "-i", "1", "-w", "200ms", "-r", "200ms", "-foe", "true"),
                Map.of("bench-e2e", List.of("-p", "shape=small", "-p", "batchSize=100", "-p", "fileKiB=1024", "-p", "corruptRate=0.05"),
                        "bench-serialization", List.of("-p", "shape=small,large")), List.of(), null, null, null);
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
        assertEquals("profiles.quick.runs[0].module",
                refused("      - {module: bench-serialization, name: smoke,", "      - {module: bench-serialisation, name: smoke,").key());
        assertEquals("profiles.quick.runs[2].interleave",
                refused("connection=shared], interleave: none}", "connection=shared], interleave: \"no way\"}").key());
        ConfigFileException transport = refused("{scenario: ecommerce, transport: http, duration_seconds: 30}",
                "{scenario: ecommerce, transport: carrier-pigeon, duration_seconds: 30}");
        assertEquals("profiles.nightly.load[1].transport", transport.key());
        assertTrue(transport.getMessage().contains("known: "), transport.getMessage());
        assertEquals("profiles.nightly.load[0].duration_seconds",
                refused("{scenario: ecommerce, transport: nats, duration_seconds: 30}", "{scenario: ecommerce, transport: nats, duration_seconds: thirty}").key());
        ConfigFileException noProfile = assertThrows(ConfigFileException.class,
                () -> BenchmarkProfiles.read(SHIPPED).profile(SHIPPED, "weekly"));
        assertTrue(noProfile.getMessage().contains("available: quick, nightly, peers, claims, placement, profiling, full"), noProfile.getMessage());
    }

    @Test
    void scriptsProfileRunsOneForkUnlessItsCommandLineSaysOtherwise() {
        BenchmarkProfiles.Profile profiling = BenchmarkProfiles.read(SHIPPED).profile(SHIPPED, "profiling");
        assertEquals(List.of("-f", "1", "-wi", "2", "-i", "3", "-foe", "true"), BenchmarkProfiles.jmhArguments(profiling, "bench-e2e", List.of()));
        assertEquals(List.of("-wi", "2", "-i", "3", "-foe", "true"),
                BenchmarkProfiles.jmhArguments(profiling, "bench-e2e", List.of("-f", "2", "-p", "transport=http")));
    }

    @Test
    void aProfilesOwnRunsGetTheProfilesOptionsThenTheirOwnWithTheCommandLineWinning() {
        BenchmarkProfiles profiles = BenchmarkProfiles.read(SHIPPED);
        BenchmarkProfiles.Profile claims = profiles.profile(SHIPPED, "claims");
        assertEquals(List.of("bench-transport-roundtrip-t1", "bench-transport-concurrent-16", "bench-transport-roundtrip-t16", "bench-e2e-orders-t1", "bench-e2e-goodput-t4"),
                claims.runs().stream().map(r -> r.module() + "-" + r.name()).toList());
        BenchmarkProfiles.Run t16 = profiles.run(SHIPPED, "claims", "bench-transport-roundtrip-t16");
        assertEquals("RoundTripBenchmark\\.roundTrip$", t16.include());
        assertEquals(List.of("-f", "3", "-wi", "15", "-i", "5", "-w", "1s", "-r", "1s", "-foe", "true",
                "-t", "16", "-p", "transport=nats,http", "-p", "shape=tiny,small,large"), BenchmarkProfiles.jmhArguments(claims, t16, List.of()));
        // a run's own options replace the profile's (a longer warm-up), and the command line's replace both
        BenchmarkProfiles.Run concurrent = profiles.run(SHIPPED, "claims", "bench-transport-concurrent-16");
        assertEquals(List.of("-f", "3", "-i", "5", "-r", "1s", "-foe", "true", "-t", "1", "-wi", "10", "-w", "2s",
                "-p", "inFlight=16", "-p", "transport=nats,http", "-p", "shape=tiny,small,large"), BenchmarkProfiles.jmhArguments(claims, concurrent, List.of()));
        List<String> quicker = BenchmarkProfiles.jmhArguments(claims, concurrent, List.of("-w", "100ms"));
        assertEquals(-1, quicker.indexOf("-w"), "the command line's -w replaces the run's: " + quicker);
        List<String> overridden = BenchmarkProfiles.jmhArguments(claims, t16, List.of("-f", "5", "-p", "shape=huge"));
        assertEquals(-1, overridden.indexOf("-f"), overridden.toString());
        assertTrue(overridden.contains("transport=nats,http") && !overridden.contains("shape=tiny,small,large"), overridden.toString());
        assertEquals("config/claims-load.yaml", claims.load().get(0).config());
        assertEquals("config/test-config.yaml", profiles.profile(SHIPPED, "nightly").load().get(0).config(), "the default load configuration");
        ConfigFileException none = assertThrows(ConfigFileException.class, () -> profiles.run(SHIPPED, "claims", "bench-e2e-nope"));
        assertEquals("profiles.claims.runs", none.key());
    }

    @Test
    void theClaimsProfileRunsABenchmarkForEveryShippedClaimThatNeedsOne() {
        BenchmarkProfiles.Profile claims = BenchmarkProfiles.read(SHIPPED).profile(SHIPPED, "claims");
        for (Claim claim : Claims.read(Path.of("../config/claims.yaml")).claims()) {
            if (claim.benchmark() == null) {
                assertEquals("load-rate", claim.kind(), claim.id());
                assertTrue(claims.load().stream().anyMatch(l -> claim.transport() == null || claim.transport().equals(l.transport())), claim.id());
                continue;
            }
            String method = claim.benchmark();
            assertTrue(claims.runs().stream().anyMatch(r -> Pattern.compile(r.include()).matcher("io.wirebench.x." + method).find()),
                    claim.id() + ": no run of the claims profile includes " + method);
        }
    }

    @Test
    void badRunsAreRefusedWithTheKeyAndTheReason() throws Exception {
        assertEquals("profiles.peers.runs[0].module", refused("{module: bench-transport, name: roundtrip-t1,", "{module: bench-transports, name: roundtrip-t1,").key());
        assertEquals("profiles.peers.runs[0].name", refused("name: roundtrip-t1,", "name: Round Trip,").key());
        assertEquals("profiles.peers.peers", refused("    peers: [--transports, \"nats,http,redis,rabbitmq,grpc\", --shapes, \"tiny,small\", --callers, \"1,16\"]",
                "    peers: [--shapes, \" \"]").key());
        ConfigFileException twice = refused("name: roundtrip-t16,", "name: roundtrip-t1,");
        assertEquals("profiles.claims.runs[2].name", twice.key());
        assertTrue(twice.getMessage().contains("one file"), twice.getMessage());
        assertEquals("profiles.claims.runs[3].include", refused("include: 'OrderPipelineBenchmark\\.latency$'", "include: 'OrderPipeline(Benchmark'").key());
        assertEquals("profiles.claims.runs[4].args", refused("args: [-t, \"4\",", "args: [OrderGoodputBenchmark, -t, \"4\",").key());
        assertEquals("profiles.claims.params", refused("    params: {}\n    peers: [--transports, \"nats,http,grpc\",",
                "    params: {bench-e2e: [-p, shape=large]}\n    peers: [--transports, \"nats,http,grpc\",").key());
        assertEquals("profiles.claims.load[0].config", refused("config: config/claims-load.yaml}\n      - {scenario: analytics, transport: http",
                "config: ''}\n      - {scenario: analytics, transport: http").key());
    }

    @Test
    void theComparingProfilesInterleaveTheSettingsTheyCompare() throws Exception {
        BenchmarkProfiles profiles = BenchmarkProfiles.read(SHIPPED);
        for (String name : List.of("claims", "nightly", "full")) {
            assertEquals("transport,shape", profiles.profile(SHIPPED, name).interleaveParam("bench-transport"), name);
        }
        assertEquals("codec", profiles.profile(SHIPPED, "nightly").interleaveParam("bench-serialization"));
        assertEquals("transport", profiles.profile(SHIPPED, "quick").interleaveParam("bench-transport"), "quick's headline: NATS and HTTP");
        assertEquals("profiles.claims.interleave.bench-transports",
                refused("    interleave: {bench-transport: \"transport,shape\", bench-e2e: transport}\n    runs:",
                        "    interleave: {bench-transports: \"transport,shape\", bench-e2e: transport}\n    runs:").key());
        assertEquals("profiles.claims.interleave.bench-e2e",
                refused("    interleave: {bench-transport: \"transport,shape\", bench-e2e: transport}\n    runs:",
                        "    interleave: {bench-transport: \"transport,shape\", bench-e2e: 'transport=nats'}\n    runs:").key());
    }
}
