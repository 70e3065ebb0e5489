package io.wirebench.e2e.load;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wirebench.e2e.files.FileService;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Rules;
import io.wirebench.transport.Transports;
import io.wirebench.yaml.ConfigFileException;
import io.wirebench.yaml.StrictYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code config/test-config.yaml}, the seed's configuration made real, as records. Unknown keys, wrong
 * types and impossible values are refused with a {@link ConfigFileException} naming the file, the key and
 * the reason.
 */
public record LoadConfig(@JsonProperty(value = "load_test", required = true) LoadTest loadTest,
                         @JsonProperty(value = "scenarios", required = true) Scenarios scenarios,
                         @JsonProperty(value = "knee", required = true) Knee knee,
                         @JsonProperty(value = "faults") List<Fault> faults) {

    public LoadConfig {
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    /** Shared load settings. {@code spawn_rate}: users started per second (ramp-up = users / spawn_rate). */
    public record LoadTest(@JsonProperty(value = "users", required = true) int users,
                           @JsonProperty(value = "spawn_rate", required = true) double spawnRate,
                           @JsonProperty(value = "duration_seconds", required = true) double durationSeconds,
                           @JsonProperty(value = "request_timeout_ms", required = true) long requestTimeoutMs,
                           @JsonProperty(value = "error_budget", required = true) double errorBudget,
                           @JsonProperty(value = "codec", required = true) String codec) {
    }

    /** The seed's three scenarios. */
    public record Scenarios(@JsonProperty(value = "ecommerce", required = true) Ecommerce ecommerce,
                            @JsonProperty(value = "analytics", required = true) Analytics analytics,
                            @JsonProperty(value = "files", required = true) Files files) {
    }

    /** Orders through the pipeline: {@code error_rate} of charge attempts declined (and retried). */
    public record Ecommerce(@JsonProperty(value = "order_rate", required = true) double orderRate,
                            @JsonProperty(value = "error_rate", required = true) double errorRate,
                            @JsonProperty(value = "complex_validation", required = true) boolean complexValidation,
                            @JsonProperty(value = "shape", required = true) String shape) {
    }

    /** Events in batches to the aggregation service, with readers querying while they arrive. */
    public record Analytics(@JsonProperty(value = "event_rate", required = true) double eventRate,
                            @JsonProperty(value = "batch_size", required = true) int batchSize,
                            @JsonProperty(value = "concurrent_reads", required = true) int concurrentReads) {
    }

    /** Whole uploads through the file pipeline; {@code corrupt_rate} of chunk sends arrive corrupted. */
    public record Files(@JsonProperty(value = "upload_rate", required = true) double uploadRate,
                        @JsonProperty(value = "file_bytes", required = true) long fileBytes,
                        @JsonProperty(value = "chunk_bytes", required = true) int chunkBytes,
                        @JsonProperty(value = "corrupt_rate", required = true) double corruptRate) {
    }

    /** The rate ramp ({@code --knee}): steps of {@code step_seconds}, each {@code factor} times the last. */
    public record Knee(@JsonProperty(value = "start_rate", required = true) double startRate,
                       @JsonProperty(value = "factor", required = true) double factor,
                       @JsonProperty(value = "step_seconds", required = true) double stepSeconds,
                       @JsonProperty(value = "max_steps", required = true) int maxSteps,
                       @JsonProperty(value = "p99_limit_ms", required = true) double p99LimitMs) {
    }

    public static LoadConfig read(Path file) {
        LoadConfig config = StrictYaml.read(file, LoadConfig.class);
        config.validate(file);
        return config;
    }


    void validate(Path file) {
        LoadTest t = loadTest;
        atLeast(file, "load_test.users", t.users(), 1);
        positive(file, "load_test.spawn_rate", t.spawnRate());
        positive(file, "load_test.duration_seconds", t.durationSeconds());
        atLeast(file, "load_test.request_timeout_ms", t.requestTimeoutMs(), 1);
        share(file, "load_test.error_budget", t.errorBudget());
        if (!Codecs.names().contains(t.codec())) {
            throw new ConfigFileException(file, "load_test.codec", "unknown codec '" + t.codec() + "'; valid codecs: " + String.join(", ", Codecs.names()));
        }
        Ecommerce e = scenarios.ecommerce();
        positive(file, "scenarios.ecommerce.order_rate", e.orderRate());
        share(file, "scenarios.ecommerce.error_rate", e.errorRate());
        try {
            Shape.byName(e.shape());
        } catch (IllegalArgumentException bad) {
            throw new ConfigFileException(file, "scenarios.ecommerce.shape", bad.getMessage());
        }
        Analytics a = scenarios.analytics();
        positive(file, "scenarios.analytics.event_rate", a.eventRate());
        if (a.batchSize() < 1 || a.batchSize() > Rules.MAX_EVENTS_PER_BATCH) {
            throw new ConfigFileException(file, "scenarios.analytics.batch_size", "must be within 1.." + Rules.MAX_EVENTS_PER_BATCH + ", was " + a.batchSize());
        }
        atLeast(file, "scenarios.analytics.concurrent_reads", a.concurrentReads(), 0);
        Files f = scenarios.files();
        positive(file, "scenarios.files.upload_rate", f.uploadRate());
        if (f.chunkBytes() < 1 || f.chunkBytes() > Rules.MAX_CHUNK_BYTES) {
            throw new ConfigFileException(file, "scenarios.files.chunk_bytes", "must be within 1.." + Rules.MAX_CHUNK_BYTES + ", was " + f.chunkBytes());
        }
        if (f.fileBytes() < 1 || f.fileBytes() > FileService.MAX_FILE_BYTES) {
            throw new ConfigFileException(file, "scenarios.files.file_bytes", "must be within 1.." + FileService.MAX_FILE_BYTES
                    + ", was " + f.fileBytes());
        }
        if (!(f.corruptRate() >= 0 && f.corruptRate() < 1)) {
            throw new ConfigFileException(file, "scenarios.files.corrupt_rate", "must be within [0, 1), was " + f.corruptRate());
        }
        positive(file, "knee.start_rate", knee.startRate());
        if (!(knee.factor() > 1)) {
            throw new ConfigFileException(file, "knee.factor", "must be > 1, was " + knee.factor());
        }
        positive(file, "knee.step_seconds", knee.stepSeconds());
        atLeast(file, "knee.max_steps", knee.maxSteps(), 1);
        positive(file, "knee.p99_limit_ms", knee.p99LimitMs());
        validateFaults(file);
    }

    /**
     * This configuration with its faults replaced by {@code specs}, each written {@code at=10,action=kill,target=nats,duration=5}
     * (the keys of a {@code faults:} entry), checked as strictly as the file's; an error names {@code --fault} and the key.
     */
    public LoadConfig withFaults(List<String> specs) {
        Path source = Path.of("--fault");
        List<Fault> parsed = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String spec = specs.get(i);
            String flow = "{" + Arrays.stream(spec.split(",")).map(kv -> kv.replaceFirst("=", ": "))
                    .collect(Collectors.joining(", ")) + "}";
            try {
                parsed.add(StrictYaml.read(flow, Fault.class, source, "faults[" + i + "]"));
            } catch (ConfigFileException e) {
                throw new ConfigFileException(source, e.key(), e.reason() + " ('" + spec + "': at=…,action=…,target=…,duration=…[,delay_ms=…])");
            }
        }
        LoadConfig with = new LoadConfig(loadTest, scenarios, knee, parsed);
        with.validateFaults(source);
        return with;
    }

    private void validateFaults(Path file) {
        LoadTest t = loadTest;
        for (int i = 0; i < faults.size(); i++) {
            Fault fault = faults.get(i);
            String at = "faults[" + i + "]";
            if (!(fault.at() >= 0) || fault.at() >= t.durationSeconds()) {
                throw new ConfigFileException(file, at + ".at", "must be within the steady phase, 0 .. duration_seconds (" + t.durationSeconds()
                        + "), was " + fault.at());
            }
            if (!Set.of("kill", "pause", "slow").contains(fault.action())) {
                throw new ConfigFileException(file, at + ".action", "unknown action '" + fault.action() + "'; known: kill, pause, slow");
            }
            boolean slow = fault.action().equals("slow");
            if (!slow && !Transports.faultTargets().contains(fault.target())) {
                throw new ConfigFileException(file, at + ".target", "unknown target '" + fault.target() + "' for " + fault.action()
                        + "; known: " + String.join(", ", Transports.faultTargets())
                        + " (the broker of the run's transport, or its HTTP service)");
            }
            if (slow && !Fault.SERVICES.contains(fault.target())) {
                throw new ConfigFileException(file, at + ".target", "unknown service '" + fault.target() + "' for slow; known: "
                        + String.join(", ", new TreeSet<>(Fault.SERVICES)));
            }
            if (slow && fault.delayMs() == null) {
                throw new ConfigFileException(file, at + ".delay_ms", "a slow fault needs delay_ms, the time each request waits");
            }
            if (slow) {
                positive(file, at + ".delay_ms", fault.delayMs());
            }
            if (!slow && fault.delayMs() != null) {
                throw new ConfigFileException(file, at + ".delay_ms", "belongs to a slow fault only, not to " + fault.action());
            }
            positive(file, at + ".duration", fault.duration());
        }
    }

    private static void positive(Path file, String key, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ConfigFileException(file, key, "must be > 0, was " + value);
        }
    }

    private static void atLeast(Path file, String key, long value, long min) {
        if (value < min) {
            throw new ConfigFileException(file, key, "must be at least " + min + ", was " + value);
        }
    }

    private static void share(Path file, String key, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new ConfigFileException(file, key, "must be within [0, 1], was " + value);
        }
    }

}
