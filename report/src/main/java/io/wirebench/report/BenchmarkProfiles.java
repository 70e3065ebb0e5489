package io.wirebench.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code config/benchmark-config.yaml}: the modules {@code scripts/bench} runs and its profiles (JMH
 * options for every module, parameters per module, load runs to follow). Unknown keys, wrong types and
 * impossible values are refused with the file, the key and the reason ({@link ConfigFileException}).
 */
public record BenchmarkProfiles(@JsonProperty(value = "modules", required = true) List<String> modules,
                                @JsonProperty(value = "profiles", required = true) Map<String, Profile> profiles) {

    static final Set<String> SCENARIOS = Set.of("ecommerce", "analytics", "files");
    static final Set<String> TRANSPORTS = Set.of("nats", "nats-cluster", "http", "http-jdk", "redis", "rabbitmq", "in-memory");

    /** One profile. */
    public record Profile(@JsonProperty(value = "jmh", required = true) List<String> jmh,
                          @JsonProperty(value = "params", required = true) Map<String, List<String>> params,
                          @JsonProperty(value = "load", required = true) List<LoadRun> load) {
    }

    /** A load run after the benchmarks: {@code scripts/load --scenario S --transport T --duration Ns}. */
    public record LoadRun(@JsonProperty(value = "scenario", required = true) String scenario,
                          @JsonProperty(value = "transport", required = true) String transport,
                          @JsonProperty(value = "duration_seconds", required = true) int durationSeconds) {
    }

    public static BenchmarkProfiles read(Path file) {
        BenchmarkProfiles config = YamlConfig.read(file, BenchmarkProfiles.class);
        config.validate(file);
        return config;
    }

    void validate(Path file) {
        if (modules.isEmpty()) {
            throw new ConfigFileException(file, "modules", "lists no module");
        }
        if (profiles.isEmpty()) {
            throw new ConfigFileException(file, "profiles", "defines no profile");
        }
        for (Map.Entry<String, Profile> entry : profiles.entrySet()) {
            String at = "profiles." + entry.getKey();
            Profile p = entry.getValue();
            if (p == null || p.jmh() == null || p.params() == null || p.load() == null) {
                throw new ConfigFileException(file, at, "needs jmh, params and load (each may be empty)");
            }
            for (String option : p.jmh()) {
                if (option == null || option.isBlank()) {
                    throw new ConfigFileException(file, at + ".jmh", "holds an empty option");
                }
            }
            if (!p.jmh().isEmpty() && !p.jmh().get(0).startsWith("-")) {
                throw new ConfigFileException(file, at + ".jmh", "must start with an option such as -f, was '" + p.jmh().get(0) + "'");
            }
            for (String module : p.params().keySet()) {
                if (!modules.contains(module)) {
                    throw new ConfigFileException(file, at + ".params." + module, "is not one of the modules " + modules);
                }
            }
            for (int i = 0; i < p.load().size(); i++) {
                LoadRun run = p.load().get(i);
                String key = at + ".load[" + i + "]";
                if (!SCENARIOS.contains(run.scenario())) {
                    throw new ConfigFileException(file, key + ".scenario", "unknown scenario '" + run.scenario() + "'; known: "
                            + SCENARIOS.stream().sorted().collect(Collectors.joining(", ")));
                }
                if (!TRANSPORTS.contains(run.transport())) {
                    throw new ConfigFileException(file, key + ".transport", "unknown transport '" + run.transport() + "'; known: "
                            + TRANSPORTS.stream().sorted().collect(Collectors.joining(", ")));
                }
                if (run.durationSeconds() < 1) {
                    throw new ConfigFileException(file, key + ".duration_seconds", "must be at least 1, was " + run.durationSeconds());
                }
            }
        }
    }

    public Profile profile(Path file, String name) {
        Profile profile = profiles.get(name);
        if (profile == null) {
            throw new ConfigFileException(file, "profiles." + name, "no such profile; available: " + String.join(", ", profiles.keySet()));
        }
        return profile;
    }

    /**
     * The JMH options for {@code module}: the profile's, then the module's parameters, each option left out
     * when {@code overrides} (the command line's extra options) sets the same one, since JMH refuses an
     * option given twice. A {@code -p name=...} override replaces only the profile's {@code -p} of that name.
     */
    public static List<String> jmhArguments(Profile profile, String module, List<String> overrides) {
        List<String> out = new ArrayList<>();
        append(out, profile.jmh(), overrides);
        append(out, profile.params().getOrDefault(module, List.of()), overrides);
        return out;
    }

    private static void append(List<String> out, List<String> options, List<String> overrides) {
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            String value = i + 1 < options.size() && !options.get(i + 1).startsWith("-") ? options.get(i + 1) : null;
            boolean overridden;
            if ("-p".equals(option) && value != null) {
                String name = value.substring(0, Math.max(0, value.indexOf('=')));
                overridden = false;
                for (int k = 0; k + 1 < overrides.size(); k++) {
                    if ("-p".equals(overrides.get(k)) && overrides.get(k + 1).startsWith(name + "=")) {
                        overridden = true;
                    }
                }
            } else {
                overridden = overrides.contains(option);
            }
            if (!overridden) {
                out.add(option);
                if (value != null) {
                    out.add(value);
                }
            }
            if (value != null) {
                i++;
            }
        }
    }

}
