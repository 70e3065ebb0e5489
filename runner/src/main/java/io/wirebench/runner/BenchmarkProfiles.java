package io.wirebench.runner;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wirebench.e2e.load.Scenarios;
import io.wirebench.transport.Transports;
import io.wirebench.yaml.ConfigFileException;
import io.wirebench.yaml.StrictYaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code config/benchmark-config.yaml}: the modules {@code scripts/bench} runs and its profiles (JMH
 * options for every module, parameters per module, load runs to follow). Unknown keys, wrong types and
 * impossible values are refused with the file, the key and the reason ({@link ConfigFileException}).
 */
public record BenchmarkProfiles(@JsonProperty(value = "modules", required = true) List<String> modules,
                                @JsonProperty(value = "profiles", required = true) Map<String, Profile> profiles) {


    static final Pattern RUN_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    static final String DEFAULT_LOAD_CONFIG = "config/test-config.yaml";

    /**
     * One profile. Without {@code runs} every module runs once with the profile's options and its
     * {@code params}; with {@code runs}, exactly those runs are made instead (a module may run several
     * times, e.g. at different {@code -t}), each with the profile's options and its own arguments.
     */
    public record Profile(@JsonProperty(value = "jmh", required = true) List<String> jmh,
                          @JsonProperty(value = "params", required = true) Map<String, List<String>> params,
                          @JsonProperty(value = "load", required = true) List<LoadRun> load,
                          @JsonProperty("runs") List<Run> runs,
                          @JsonProperty("peers") List<String> peers,
                          @JsonProperty("interleave") Map<String, String> interleave) {
        public Profile {
            runs = runs == null ? List.of() : runs;
            interleave = interleave == null ? Map.of() : interleave;
        }

        /** The params (comma-separated) whose settings a module's runs interleave fork by fork (JmhRunCommand --interleave), or null. */
        public String interleaveParam(String module) {
            return interleave.get(module);
        }

        /** Whether the profile measures each transport's floor ({@code peers.json}) before and after its runs. */
        public boolean measuresPeers() {
            return peers != null;
        }
    }

    /**
     * One JMH run of a module: the benchmarks matching {@code include} (all when absent; {@code --only}
     * replaces it), the profile's JMH options and then {@code args}, into {@code <module>-<name>.json}.
     */
    public record Run(@JsonProperty(value = "module", required = true) String module,
                      @JsonProperty(value = "name", required = true) String name,
                      @JsonProperty("include") String include,
                      @JsonProperty("args") List<String> args,
                      @JsonProperty("interleave") String interleave) {
        public Run {
            args = args == null ? List.of() : args;
        }
    }

    /**
     * A load run after the benchmarks: {@code scripts/load --config C --scenario S --transport T --duration Ns},
     * the configuration file {@value #DEFAULT_LOAD_CONFIG} unless {@code config} names another.
     */
    public record LoadRun(@JsonProperty(value = "scenario", required = true) String scenario,
                          @JsonProperty(value = "transport", required = true) String transport,
                          @JsonProperty(value = "duration_seconds", required = true) int durationSeconds,
                          @JsonProperty("config") String config) {
        public LoadRun {
            config = config == null ? DEFAULT_LOAD_CONFIG : config;
        }
    }

    public static BenchmarkProfiles read(Path file) {
        BenchmarkProfiles config = StrictYaml.read(file, BenchmarkProfiles.class);
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
            if (p.peers() != null) {
                for (String option : p.peers()) {
                    if (option == null || option.isBlank()) {
                        throw new ConfigFileException(file, at + ".peers", "holds an empty option (the peers stage's options, e.g. [--shapes, \"tiny,small\"])");
                    }
                }
            }
            for (Map.Entry<String, String> i : p.interleave().entrySet()) {
                if (!modules.contains(i.getKey())) {
                    throw new ConfigFileException(file, at + ".interleave." + i.getKey(), "is not one of the modules " + modules);
                }
                if (i.getValue() == null || !i.getValue().matches("[A-Za-z_][A-Za-z0-9_]*(,[A-Za-z_][A-Za-z0-9_]*)*")) {
                    throw new ConfigFileException(file, at + ".interleave." + i.getKey(), "must name @Params of every benchmark the module runs, comma-separated (e.g. transport,shape), was '"
                            + i.getValue() + "'");
                }
            }
            for (String module : p.params().keySet()) {
                if (!modules.contains(module)) {
                    throw new ConfigFileException(file, at + ".params." + module, "is not one of the modules " + modules);
                }
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < p.runs().size(); i++) {
                Run run = p.runs().get(i);
                String key = at + ".runs[" + i + "]";
                if (run == null) {
                    throw new ConfigFileException(file, key, "is empty; a run needs module and name");
                }
                if (!modules.contains(run.module())) {
                    throw new ConfigFileException(file, key + ".module", "is not one of the modules " + modules + ", was '" + run.module() + "'");
                }
                if (!RUN_NAME.matcher(run.name()).matches()) {
                    throw new ConfigFileException(file, key + ".name", "must be lower-case letters, digits and '-' (it names the result file), was '" + run.name() + "'");
                }
                if (!names.add(run.module() + "-" + run.name())) {
                    throw new ConfigFileException(file, key + ".name", "repeats '" + run.name() + "' for " + run.module() + ": two runs would write one file");
                }
                if (run.include() != null) {
                    if (run.include().isBlank()) {
                        throw new ConfigFileException(file, key + ".include", "is blank; leave it out to run every benchmark of the module");
                    }
                    try {
                        Pattern.compile(run.include());
                    } catch (PatternSyntaxException e) {
                        throw new ConfigFileException(file, key + ".include", "is not a regular expression: " + e.getDescription());
                    }
                }
                for (String arg : run.args()) {
                    if (arg == null || arg.isBlank() || arg.contains("\t") || arg.contains("\n")) {
                        throw new ConfigFileException(file, key + ".args", "holds an empty argument or one with a tab or newline");
                    }
                }
                if (run.interleave() != null && !run.interleave().matches("none|[A-Za-z_][A-Za-z0-9_]*(,[A-Za-z_][A-Za-z0-9_]*)*")) {
                    throw new ConfigFileException(file, key + ".interleave", "must name @Params, comma-separated, or none (this run alone is not"
                            + " interleaved), was '" + run.interleave() + "'");
                }
                if (!run.args().isEmpty() && !run.args().get(0).startsWith("-")) {
                    throw new ConfigFileException(file, key + ".args", "must start with an option such as -t (benchmarks go in include), was '" + run.args().get(0) + "'");
                }
            }
            if (!p.runs().isEmpty() && !p.params().isEmpty()) {
                throw new ConfigFileException(file, at + ".params", "must be empty when the profile lists runs (give each run its -p options)");
            }
            for (int i = 0; i < p.load().size(); i++) {
                LoadRun run = p.load().get(i);
                String key = at + ".load[" + i + "]";
                if (!Scenarios.names().contains(run.scenario())) {
                    throw new ConfigFileException(file, key + ".scenario", "unknown scenario '" + run.scenario() + "'; known: "
                            + String.join(", ", Scenarios.names()));
                }
                if (!Transports.names().contains(run.transport())) {
                    throw new ConfigFileException(file, key + ".transport", "unknown transport '" + run.transport() + "'; known: "
                            + String.join(", ", Transports.names()));
                }
                if (run.durationSeconds() < 1) {
                    throw new ConfigFileException(file, key + ".duration_seconds", "must be at least 1, was " + run.durationSeconds());
                }
                if (run.config().isBlank() || run.config().contains("\t")) {
                    throw new ConfigFileException(file, key + ".config", "must name a load configuration file, was '" + run.config() + "'");
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

    public Run run(Path file, String profileName, String runName) {
        return profile(file, profileName).runs().stream().filter(r -> (r.module() + "-" + r.name()).equals(runName)).findFirst()
                .orElseThrow(() -> new ConfigFileException(file, "profiles." + profileName + ".runs", "has no run '" + runName + "'"));
    }

    /** A run's JMH options: the profile's, then the run's own, each left out when the command line sets it. */
    public static List<String> jmhArguments(Profile profile, Run run, List<String> overrides) {
        return arguments(profile, run.args(), overrides);
    }

    /**
     * The JMH options for {@code module}: the profile's, then the module's parameters, each option left out
     * when {@code overrides} (the command line's extra options) sets the same one, since JMH refuses an
     * option given twice. A {@code -p name=...} override replaces only the profile's {@code -p} of that name.
     */
    public static List<String> jmhArguments(Profile profile, String module, List<String> overrides) {
        return arguments(profile, profile.params().getOrDefault(module, List.of()), overrides);
    }

    /** The profile's options, each left out where the run's or module's own set it (a run may warm up longer), then those, then the command line's. */
    private static List<String> arguments(Profile profile, List<String> own, List<String> overrides) {
        List<String> out = new ArrayList<>();
        List<String> ownAndOverrides = new ArrayList<>(own);
        ownAndOverrides.addAll(overrides);
        append(out, profile.jmh(), ownAndOverrides);
        append(out, own, overrides);
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
