package io.wirebench.report.gate;

import io.wirebench.report.model.RunEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The environment lines two runs must share to be compared, by the regression gate and by the history's series: the
 * machine ({@code cpu}, {@code memory}), the JVM ({@code java}), every server program's version ({@code server.*}, one
 * line per server the transport registry named when the run was probed) and the {@code placement} of callers and
 * services. A run from before {@code --placement} existed put them together.
 */
public final class SharedEnvironment {
    static final List<String> MACHINE = List.of("cpu", "memory", "java");
    static final String PLACEMENT = "placement";
    static final String DEFAULT_PLACEMENT = "colocated";

    private SharedEnvironment() {
    }

    /** Whether the gate compares {@code key} (so {@code --across} may name it); an older file's server key counts too. */
    static boolean isShared(String key) {
        String canonical = RunEnvironment.canonicalKey(key);
        return MACHINE.contains(canonical) || canonical.equals(PLACEMENT) || canonical.startsWith(RunEnvironment.SERVER_PREFIX);
    }

    /** The shared keys of these environments: the machine's, every server line any of them has (first seen first), the placement. */
    public static List<String> keys(List<Map<String, String>> environments) {
        Set<String> servers = new LinkedHashSet<>();
        for (Map<String, String> lines : environments) {
            lines.keySet().stream().map(RunEnvironment::canonicalKey).filter(k -> k.startsWith(RunEnvironment.SERVER_PREFIX)).forEach(servers::add);
        }
        List<String> keys = new ArrayList<>(MACHINE);
        keys.addAll(servers);
        keys.add(PLACEMENT);
        return keys;
    }

    /** {@code key}'s value, the placement defaulted for an older run; null when the run has no such line. */
    public static String value(RunEnvironment environment, String key) {
        String value = environment.get(key);
        return value == null && key.equals(PLACEMENT) ? DEFAULT_PLACEMENT : value;
    }

    /** Each shared line on which the two {@code environment.txt} texts differ, as "key differs: baseline '...', current '...'". */
    static List<String> differences(String baseline, String current) {
        if (baseline.isBlank() || current.isBlank()) {
            return List.of((baseline.isBlank() ? "the baseline" : "the current run") + " has no environment.txt: cannot tell whether the machines match");
        }
        RunEnvironment b = RunEnvironment.parse(baseline);
        RunEnvironment c = RunEnvironment.parse(current);
        List<String> differences = new ArrayList<>();
        for (String key : keys(List.of(b.lines(), c.lines()))) {
            String bv = value(b, key);
            String cv = value(c, key);
            if (bv != null && cv != null && !bv.equals(cv)) {
                differences.add(key + " differs: baseline '" + bv + "', current '" + cv + "'");
            }
        }
        return differences;
    }
}
