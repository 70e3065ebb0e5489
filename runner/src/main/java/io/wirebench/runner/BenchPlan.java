package io.wirebench.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one {@code scripts/bench PROFILE} run does, decided before anything starts: the JMH runs (a profile's own
 * {@code runs}, else one per module), each with its module, result name, include pattern, JMH options and the params
 * its forks interleave by; whether the transports' floors are measured before and after, with which options; and the
 * load runs that follow. {@code --only} narrows every JMH run to its pattern and leaves out the floors and the load
 * runs, which it cannot narrow; {@code --placement split} runs bench-transport's round trips with their service in a
 * process of its own.
 */
public record BenchPlan(List<JmhStep> jmhRuns, List<String> peers, List<BenchmarkProfiles.LoadRun> loads) {

    /** The module whose round trips {@code --placement split} moves apart (its {@code placement} param). */
    static final String SPLIT_MODULE = "bench-transport";

    /** One JMH run: into {@code <name>.json} and {@code <name>.log}; {@code include} empty for every benchmark; {@code interleave} null for none. */
    public record JmhStep(String name, String module, String include, List<String> jmhArguments, String interleave) {

        public Path jar() {
            return Path.of(module, "target", "benchmarks.jar");
        }
    }

    public BenchPlan {
        jmhRuns = List.copyOf(jmhRuns);
        peers = peers == null ? null : List.copyOf(peers);
        loads = List.copyOf(loads);
    }

    /** Whether the floors are measured (before and after the JMH runs). */
    public boolean measuresPeers() {
        return peers != null;
    }

    /**
     * The plan of {@code profile}: {@code only} (null for none) narrows the JMH runs, {@code split} places bench-transport's
     * service apart, and {@code extra} (the options after {@code --}) replaces the profile's options of the same name.
     */
    public static BenchPlan of(BenchmarkProfiles profiles, BenchmarkProfiles.Profile profile, String only, boolean split, List<String> extra) {
        List<JmhStep> steps = new ArrayList<>();
        if (!profile.runs().isEmpty()) {
            for (BenchmarkProfiles.Run run : profile.runs()) {
                String include = only != null ? only : run.include() == null ? "" : run.include();
                String interleave = run.interleave() == null ? profile.interleaveParam(run.module())
                        : run.interleave().equals("none") ? null : run.interleave();
                steps.add(step(run.module() + "-" + run.name(), run.module(), include, BenchmarkProfiles.jmhArguments(profile, run, extra), interleave,
                        split, extra));
            }
        } else {
            for (String module : profiles.modules()) {
                steps.add(step(module, module, only == null ? "" : only, BenchmarkProfiles.jmhArguments(profile, module, extra),
                        profile.interleaveParam(module), split, extra));
            }
        }
        List<String> peers = profile.measuresPeers() && only == null ? profile.peers() : null;
        List<BenchmarkProfiles.LoadRun> loads = only == null ? profile.load() : List.of();
        return new BenchPlan(steps, peers, loads);
    }

    private static JmhStep step(String name, String module, String include, List<String> own, String interleave, boolean split,
                                List<String> extra) {
        List<String> args = new ArrayList<>(own);
        if (split && module.equals(SPLIT_MODULE)) {
            args.addAll(List.of("-p", "placement=split"));
        }
        args.addAll(extra);
        return new JmhStep(name, module, include, args, interleave);
    }
}
